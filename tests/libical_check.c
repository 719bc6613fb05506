/* What libical (the C library behind Evolution and KDE) makes of our calendars.
 * Compiled at test time by tests/libical.py against Debian's libical-dev.
 *
 *   libical_check events FILE...   every VEVENT of each file, its instants in UTC
 *   libical_check itip USER FILE... the iTIP messages applied in order, as a client
 *
 * `events` prints, per file, "FILE <path> <errors>" (the X-LIC-ERROR properties the
 * parser left, plus TZIDs the file does not declare: times must never depend on the
 * library's own zone data), then one "EVENT" line per VEVENT: UID, SEQUENCE, STATUS,
 * DTSTART and DTEND converted to UTC through the file's own VTIMEZONE (a DATE stays a
 * DATE). `itip` keeps one stored copy per UID, as a calendar client does: each message
 * is classified by icalclassify() (libicalss) against the stored copy, stored when it
 * is new, an update or a cancellation with a SEQUENCE not below the stored one, and
 * ignored otherwise; it prints one "STEP" line per message and "FINAL" for the stored
 * copy. Tab-separated, one record a line. */
#include <libical/ical.h>
#include <libical/icalss.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc(size + 1);
    if (fread(text, 1, size, f) != (size_t)size) {
        fclose(f);
        free(text);
        return NULL;
    }
    text[size] = 0;
    fclose(f);
    return text;
}

static icalcomponent *parse_file(const char *path)
{
    char *text = slurp(path);
    if (!text)
        return NULL;
    icalcomponent *root = icalparser_parse_string(text);
    free(text);
    return root;
}

/* A TZID the file uses without a VTIMEZONE for it: libical would fall back on its own
 * zone data, which a client may not have. Counted as an error. */
static int undeclared(icalcomponent *root, icalproperty *prop)
{
    if (!prop)
        return 0;
    icalparameter *tzid = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
    if (!tzid)
        return 0;
    return icalcomponent_get_timezone(root, icalparameter_get_tzid(tzid)) == NULL;
}

static const char *in_utc(struct icaltimetype t)
{
    if (icaltime_is_null_time(t))
        return "-";
    if (t.is_date)
        return icaltime_as_ical_string(t);
    return icaltime_as_ical_string(icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone()));
}

static int events(int count, char **paths)
{
    for (int i = 0; i < count; i++) {
        icalcomponent *root = parse_file(paths[i]);
        if (!root || icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
            printf("FILE\t%s\tunparsable\n", paths[i]);
            if (root)
                icalcomponent_free(root);
            continue;
        }
        int errors = icalcomponent_count_errors(root);
        icalcomponent *event;
        for (event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); event;
             event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
            errors += undeclared(root, icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY));
            errors += undeclared(root, icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY));
        }
        printf("FILE\t%s\t%d\n", paths[i], errors);
        for (event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); event;
             event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
            icalproperty *status = icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY);
            printf("EVENT\t%s\t%d\t%s\t", icalcomponent_get_uid(event),
                   icalcomponent_get_sequence(event),
                   status ? icalproperty_get_value_as_string(status) : "-");
            printf("%s\t", in_utc(icalcomponent_get_dtstart(event)));
            printf("%s\n", in_utc(icalcomponent_get_dtend(event)));
        }
        icalcomponent_free(root);
    }
    return 0;
}

static const char *class_name(icalproperty_xlicclass class)
{
    switch (class) {
    case ICAL_XLICCLASS_REQUESTNEW: return "REQUEST-NEW";
    case ICAL_XLICCLASS_REQUESTUPDATE: return "REQUEST-UPDATE";
    case ICAL_XLICCLASS_REQUESTRESCHEDULE: return "REQUEST-RESCHEDULE";
    case ICAL_XLICCLASS_CANCELEVENT: return "CANCEL-EVENT";
    case ICAL_XLICCLASS_OBSOLETE: return "OBSOLETE";
    case ICAL_XLICCLASS_MISSEQUENCED: return "MISSEQUENCED";
    case ICAL_XLICCLASS_PUBLISHNEW: return "PUBLISH-NEW";
    case ICAL_XLICCLASS_PUBLISHUPDATE: return "PUBLISH-UPDATE";
    case ICAL_XLICCLASS_NONE: return "NONE";
    default: return "OTHER";
    }
}

static int sequence_of(icalcomponent *message)
{
    return icalcomponent_get_sequence(icalcomponent_get_first_real_component(message));
}

static int itip(const char *user, int count, char **paths)
{
    icalcomponent *stored = NULL; /* the client's copy: one meeting, one UID */
    for (int i = 0; i < count; i++) {
        icalcomponent *message = parse_file(paths[i]);
        if (!message || icalcomponent_count_errors(message)) {
            printf("STEP\t%s\tunparsable\t0\n", paths[i]);
            return 1;
        }
        icalproperty_xlicclass class = icalclassify(message, stored, user);
        int apply = 0;
        switch (class) {
        case ICAL_XLICCLASS_REQUESTNEW:
        case ICAL_XLICCLASS_REQUESTUPDATE:
        case ICAL_XLICCLASS_REQUESTRESCHEDULE:
            apply = 1;
            break;
        case ICAL_XLICCLASS_CANCELEVENT:
            /* icalclassify never calls a CANCEL obsolete; RFC 5546 does (lower SEQUENCE). */
            apply = stored == NULL || sequence_of(message) >= sequence_of(stored);
            break;
        default:
            break;
        }
        printf("STEP\t%s\t%s\t%d\n", paths[i], class_name(class), apply);
        if (apply) {
            if (stored)
                icalcomponent_free(stored);
            stored = message;
        } else {
            icalcomponent_free(message);
        }
    }
    if (stored) {
        icalcomponent *event = icalcomponent_get_first_real_component(stored);
        icalproperty *status = icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY);
        icalproperty *method = icalcomponent_get_first_property(stored, ICAL_METHOD_PROPERTY);
        printf("FINAL\t%s\t%d\t%s\t%s\n", icalcomponent_get_uid(event),
               icalcomponent_get_sequence(event),
               status ? icalproperty_get_value_as_string(status) : "-",
               method ? icalproperty_get_value_as_string(method) : "-");
        icalcomponent_free(stored);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "events") == 0)
        return events(argc - 2, argv + 2);
    if (argc >= 3 && strcmp(argv[1], "itip") == 0)
        return itip(argv[2], argc - 3, argv + 3);
    fprintf(stderr, "usage: %s events FILE... | itip USER FILE...\n", argv[0]);
    return 2;
}
