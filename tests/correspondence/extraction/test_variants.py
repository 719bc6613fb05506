"""The patterns of real letters (issue #18), each in wordings of its own: dates, times,
plans and actions, back-references, reschedulings, years from context, rooms and
platforms, lists and tables. Written for this work, not taken from the corpus."""

import pytest

from correspondence.extraction import extract

from .helpers import letter, meetings_of

VARIANTS = [
    (
        (
            "The plenary meetings are set for April 4th and 5th at 10 a.m. in the "
            "General Assembly Hall."
        ),
        "14 March 2023",
        [
            ("2023-04-04", "10:00", None, "General Assembly Hall", "plenary"),
            ("2023-04-05", "10:00", None, "General Assembly Hall", "plenary"),
        ],
    ),
    (
        "A first reading of the zero draft will take place tentatively on April 20th, at 3 p.m.",
        "14 March 2023",
        [("2023-04-20", "15:00", None, None, "informal-consultation")],
    ),
    (
        "The briefing will be held on Thursday,6 April 2023 at 10 a.m. in Conference Room 3.",
        "14 March 2023",
        [("2023-04-06", "10:00", None, "Conference Room 3", "briefing")],
    ),
    (
        "An informal meeting of the plenary will be held on the 5th of April at 3 p.m.",
        "14 March 2023",
        [("2023-04-05", "15:00", None, None, "plenary")],
    ),
    (
        (
            "The interactive dialogue is scheduled for Wednesday the 12th of April, "
            "from 10 a.m. to 1 p.m."
        ),
        "14 March 2023",
        [("2023-04-12", "10:00", "13:00", None, "dialogue")],
    ),
    (
        (
            "The hearing will be held on 20 April from 9 a.m. to 12 noon and from 3 "
            "p.m. to 6 p.m. in the ECOSOC Chamber."
        ),
        "14 March 2023",
        [
            ("2023-04-20", "09:00", "12:00", "ECOSOC Chamber", "hearing"),
            ("2023-04-20", "15:00", "18:00", "ECOSOC Chamber", "hearing"),
        ],
    ),
    (
        (
            "The informal consultation will be held on 20 April in Conference Room 2 "
            "at 11.\n"
            "Delegations are welcome."
        ),
        "14 March 2023",
        [("2023-04-20", "11:00", None, "Conference Room 2", "informal-consultation")],
    ),
    (
        "The briefing will take place on 20 April at 4:00 p.m, in Conference Room 6.",
        "14 March 2023",
        [("2023-04-20", "16:00", None, "Conference Room 6", "briefing")],
    ),
    (
        "The informal consultation will be held on 20 April at 10.00 am in Conference Room 6.",
        "14 March 2023",
        [("2023-04-20", "10:00", None, "Conference Room 6", "informal-consultation")],
    ),
    (
        "The informal consultation will be held on 20 April at 1500 hrs in Conference Room 6.",
        "14 March 2023",
        [("2023-04-20", "15:00", None, "Conference Room 6", "informal-consultation")],
    ),
    (
        (
            "The informal consultations will be held as follows:\n"
            "• Monday, 17 April 2023: from 10 a.m. to 1 p.m.\n"
            "and from 3 to 6 p.m., Conference Room 4;"
        ),
        "14 March 2023",
        [
            ("2023-04-17", "10:00", "13:00", "Conference Room 4", "informal-consultation"),
            ("2023-04-17", "15:00", "18:00", "Conference Room 4", "informal-consultation"),
        ],
    ),
    (
        "I have accordingly set aside plenary meetings on 18 and 19 April for the debate.",
        "14 March 2023",
        [("2023-04-18", None, None, None, "plenary"), ("2023-04-19", None, None, None, "plenary")],
    ),
    (
        "We intend to present the draft decision to the Assembly for action on 14 July.",
        "14 March 2023",
        [("2023-07-14", None, None, None, "plenary")],
    ),
    (
        (
            "The election of the members of the Committee will take place on 12 June "
            "at 10 a.m. in the General Assembly Hall."
        ),
        "14 March 2023",
        [("2023-06-12", "10:00", None, "General Assembly Hall", "election")],
    ),
    (
        (
            "The multi-stakeholder hearing will be hosted on 25 April 2023 in the "
            "Trusteeship Council Chamber."
        ),
        "14 March 2023",
        [("2023-04-25", None, None, "Trusteeship Council Chamber", "hearing")],
    ),
    (
        (
            "A High-level Dialogue on Financing for Development will be held on 3 "
            "May 2023 at 10 a.m."
        ),
        "14 March 2023",
        [("2023-05-03", "10:00", None, None, "dialogue")],
    ),
    (
        (
            "I will convene an open briefing for Member States and observers on "
            "Friday, 21 April, at 3 p.m. in Conference Room 1."
        ),
        "14 March 2023",
        [("2023-04-21", "15:00", None, "Conference Room 1", "briefing")],
    ),
    (
        "A stocktaking event will be held on 2 May at 10 a.m. in the ECOSOC Chamber.",
        "14 March 2023",
        [("2023-05-02", "10:00", None, "ECOSOC Chamber", "stocktaking")],
    ),
    (
        "An interactive hearing with civil society will take place on 26 April.",
        "14 March 2023",
        [("2023-04-26", None, None, None, "hearing")],
    ),
    (
        (
            "The first informal consultation will be held on 14 April at 10 a.m. in "
            "Conference Room 4. At the 14 April meeting we will present the elements "
            "paper."
        ),
        "14 March 2023",
        [("2023-04-14", "10:00", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        "Following our meeting of Monday, 6 March, we are pleased to share a revised text.",
        "14 March 2023",
        [("2023-03-06", None, None, None, "other")],
    ),
    (
        (
            "Thank you for your participation in the informal consultations which I "
            "hosted on 2 and 3 March."
        ),
        "14 March 2023",
        [
            ("2023-03-02", None, None, None, "informal-consultation"),
            ("2023-03-03", None, None, None, "informal-consultation"),
        ],
    ),
    (
        "Further to my letter of 2 March, I write to share the revised draft.",
        "14 March 2023",
        [],
    ),
    (
        "As indicated in the letter dated 30 January, the text is attached.",
        "14 March 2023",
        [],
    ),
    (
        (
            "Pursuant to resolution 74/306 of 15 September 2020, a briefing will be "
            "held on 20 April."
        ),
        "14 March 2023",
        [("2023-04-20", None, None, None, "briefing")],
    ),
    (
        (
            "The informal meeting first planned for Tuesday, 18 April will now take "
            "place on Thursday, 20 April at 3 pm in Conference Room 2."
        ),
        "14 March 2023",
        [("2023-04-20", "15:00", None, "Conference Room 2", "informal-consultation")],
    ),
    (
        (
            "The briefing originally scheduled for 18 April has been postponed to 25 "
            "April at 10 a.m."
        ),
        "14 March 2023",
        [("2023-04-25", "10:00", None, None, "briefing")],
    ),
    (
        (
            "The 2023 high-level meeting on universal health coverage from 20-22 "
            "September will be held in the General Assembly Hall."
        ),
        "14 March 2023",
        [
            ("2023-09-20", None, None, "General Assembly Hall", "high-level"),
            ("2023-09-21", None, None, "General Assembly Hall", "high-level"),
            ("2023-09-22", None, None, "General Assembly Hall", "high-level"),
        ],
    ),
    (
        "The informal consultations will resume on 10 January at 10 a.m.",
        "15 December 2023",
        [("2024-01-10", "10:00", None, None, "informal-consultation")],
    ),
    (
        "The informal consultation will be held virtually on 20 April at 9 a.m.",
        "14 March 2023",
        [("2023-04-20", "09:00", None, None, "informal-consultation")],
    ),
    (
        "The briefing will be held on 20 April at 9 a.m. via the Zoom platform.",
        "14 March 2023",
        [("2023-04-20", "09:00", None, None, "briefing")],
    ),
    (
        (
            "The informal consultation will be held on 20 April at 10 a.m. in "
            "Conference Room 3 (NLB)."
        ),
        "1 April 2010",
        [
            (
                "2010-04-20",
                "10:00",
                None,
                "Conference Room 3 (North Lawn Building)",
                "informal-consultation",
            )
        ],
    ),
    (
        (
            "The informal consultation will be held on 20 April at 10 a.m. in the "
            "North Lawn Building, Conference Room 5."
        ),
        "1 April 2010",
        [
            (
                "2010-04-20",
                "10:00",
                None,
                "Conference Room 5 (North Lawn Building)",
                "informal-consultation",
            )
        ],
    ),
    (
        (
            "The high-level meeting will be held on Monday, 17 April, and Tuesday, "
            "18 April 2023, in the General Assembly Hall."
        ),
        "14 March 2023",
        [
            ("2023-04-17", None, None, "General Assembly Hall", "high-level"),
            ("2023-04-18", None, None, "General Assembly Hall", "high-level"),
        ],
    ),
    (
        (
            "I intend to convene informal meetings of the plenary, in the "
            "Trusteeship Council Chamber, on Monday, 17 April at 10 a.m., and on "
            "Tuesday, 18 April at 3 p.m."
        ),
        "14 March 2023",
        [
            ("2023-04-17", "10:00", None, "Trusteeship Council Chamber", "plenary"),
            ("2023-04-18", "15:00", None, "Trusteeship Council Chamber", "plenary"),
        ],
    ),
    (
        (
            "The dialogue will be held on 20 April 2023 in the ECOSOC Chamber. The "
            "morning session, from 10 a.m. to 1 p.m., will hear experts. The "
            "afternoon session, from 3 p.m. to 6 p.m., will be an open exchange."
        ),
        "14 March 2023",
        [
            ("2023-04-20", "10:00", "13:00", "ECOSOC Chamber", "dialogue"),
            ("2023-04-20", "15:00", "18:00", "ECOSOC Chamber", "dialogue"),
        ],
    ),
    (
        (
            "The members of the Council will serve for a term of office beginning on "
            "1 January 2024. The election will be held on 6 June at 10 a.m."
        ),
        "14 March 2023",
        [("2023-06-06", "10:00", None, None, "election")],
    ),
    (
        (
            "The election of the judges, whose terms will begin on 6 February 2024, "
            "will take place on 9 November."
        ),
        "14 March 2023",
        [("2023-11-09", None, None, None, "election")],
    ),
    (
        "The list of speakers for the debate will be opened on Monday, 3 April 2023.",
        "14 March 2023",
        [],
    ),
    (
        "The list of speakers for the high-level meeting will close on 3 April at 6 p.m.",
        "14 March 2023",
        [],
    ),
    (
        "The Secretariat building will be closed on Friday, 7 April 2023.",
        "14 March 2023",
        [],
    ),
    (
        (
            "The programme is as follows:\n"
            "\n"
            "  Date                 Time              Room\n"
            "  Monday, 3 April      10 a.m.-1 p.m.    Conference\n"
            "                                         Room 4\n"
            "  Tuesday, 4 April     3-6 p.m.          Trusteeship\n"
            "                                         Council Chamber\n"
        ),
        "14 March 2023",
        [
            ("2023-04-03", "10:00", "13:00", "Conference Room 4", "other"),
            ("2023-04-04", "15:00", "18:00", "Trusteeship Council Chamber", "other"),
        ],
    ),
    (
        (
            "The informal consultations will take place as follows:\n"
            "\n"
            "  Thursday, 6 April    10:00 - 13:00     ECOSOC Chamber     First "
            "reading\n"
            "  Friday, 7 April      15:00 - 18:00     CR 1               Second "
            "reading\n"
        ),
        "14 March 2023",
        [
            ("2023-04-06", "10:00", "13:00", "ECOSOC Chamber", "informal-consultation"),
            ("2023-04-07", "15:00", "18:00", "Conference Room 1", "informal-consultation"),
        ],
    ),
    (
        (
            "The consultations will be held on:\n"
            "• Monday, 3 April, from 10 a.m. to 1 p.m.\n"
            "  in Conference Room 2;\n"
            "• Wednesday, 5 April, from 3 p.m. to 6 p.m.\n"
            "  in Conference Room 2."
        ),
        "14 March 2023",
        [
            ("2023-04-03", "10:00", "13:00", "Conference Room 2", "informal-consultation"),
            ("2023-04-05", "15:00", "18:00", "Conference Room 2", "informal-consultation"),
        ],
    ),
    (
        "The briefing will be held on 3 April at 10 a.m. in the Trusteeship\nCouncil Chamber.",
        "14 March 2023",
        [("2023-04-03", "10:00", None, "Trusteeship Council Chamber", "briefing")],
    ),
    (
        "The briefing will be held on 3 April at 10 a.m. in Conference\nRoom 12.",
        "14 March 2023",
        [("2023-04-03", "10:00", None, "Conference Room 12", "briefing")],
    ),
    (
        (
            "The first informal consultation will be held on 3 April at 10 a.m. in "
            "Conference Room 6. The second informal consultation will take place on "
            "10 April at 3 p.m. in the same room."
        ),
        "14 March 2023",
        [
            ("2023-04-03", "10:00", None, "Conference Room 6", "informal-consultation"),
            ("2023-04-10", "15:00", None, "Conference Room 6", "informal-consultation"),
        ],
    ),
    (
        (
            "The first informal consultation will be held on 3 April at 10 a.m. in "
            "Conference Room 6, and the second on 10 April at 3 p.m. in the same "
            "room."
        ),
        "14 March 2023",
        [
            ("2023-04-03", "10:00", None, "Conference Room 6", "informal-consultation"),
            ("2023-04-10", "15:00", None, "Conference Room 6", "informal-consultation"),
        ],
    ),
    (
        (
            "The General Assembly will elect five members of the Economic and Social "
            "Council for a three-year term starting on 1 January 2024. The elections "
            "will take place on 8 June at 10 a.m. in the General Assembly Hall."
        ),
        "14 March 2023",
        [("2023-06-08", "10:00", None, "General Assembly Hall", "election")],
    ),
    (
        (
            "Judges elected will take office on 6 February 2024. The election will "
            "be held on 10 November."
        ),
        "14 March 2023",
        [("2023-11-10", None, None, None, "election")],
    ),
    (
        "The newly elected members will serve from 1 January 2024 to 31 December 2025.",
        "14 March 2023",
        [],
    ),
    (
        (
            "The stocktaking meeting will take place on Thursday, April 20, 2023 at "
            "3:00 PM in Conference Room 4."
        ),
        "14 March 2023",
        [("2023-04-20", "15:00", None, "Conference Room 4", "stocktaking")],
    ),
    (
        (
            "Informal consultations are scheduled for April 3rd, 5th and 7th at 10 "
            "am in Conference Room 8."
        ),
        "14 March 2023",
        [
            ("2023-04-03", "10:00", None, "Conference Room 8", "informal-consultation"),
            ("2023-04-05", "10:00", None, "Conference Room 8", "informal-consultation"),
            ("2023-04-07", "10:00", None, "Conference Room 8", "informal-consultation"),
        ],
    ),
    (
        (
            "The hearing will be held on the 21st and 22nd of April in the "
            "Trusteeship Council Chamber."
        ),
        "14 March 2023",
        [
            ("2023-04-21", None, None, "Trusteeship Council Chamber", "hearing"),
            ("2023-04-22", None, None, "Trusteeship Council Chamber", "hearing"),
        ],
    ),
    (
        "The informal consultation will be held on 20 April at 10:30 a.m. in Conference Room 4.",
        "14 March 2023",
        [("2023-04-20", "10:30", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        (
            "The informal consultation will be held on 20 April from 10.00 am to "
            "1.00 pm in Conference Room 4."
        ),
        "14 March 2023",
        [("2023-04-20", "10:00", "13:00", "Conference Room 4", "informal-consultation")],
    ),
    (
        "The briefing will take place on Thursday, 20 April, at 3 pm, in Conference Room 4.",
        "14 March 2023",
        [("2023-04-20", "15:00", None, "Conference Room 4", "briefing")],
    ),
    (
        "The briefing will take place on 20 April, 1000-1300 hrs, in Conference Room 4.",
        "14 March 2023",
        [("2023-04-20", "10:00", "13:00", "Conference Room 4", "briefing")],
    ),
    (
        "The briefing will take place on 20 April at 10 o'clock in Conference Room 4.",
        "14 March 2023",
        [("2023-04-20", "10:00", None, "Conference Room 4", "briefing")],
    ),
    (
        (
            "The dialogue will be held on 20 April from 10 a.m. to 1 p.m. and 3 p.m. "
            "to 6 p.m. in the ECOSOC Chamber."
        ),
        "14 March 2023",
        [
            ("2023-04-20", "10:00", "13:00", "ECOSOC Chamber", "dialogue"),
            ("2023-04-20", "15:00", "18:00", "ECOSOC Chamber", "dialogue"),
        ],
    ),
    (
        (
            "I intend to convene a plenary meeting on 25 April to take action on the "
            "draft resolution."
        ),
        "14 March 2023",
        [("2023-04-25", None, None, None, "plenary")],
    ),
    (
        (
            "The draft resolution will be presented to the General Assembly for "
            "adoption on 25 April."
        ),
        "14 March 2023",
        [("2023-04-25", None, None, None, "plenary")],
    ),
    (
        (
            "The General Assembly will take action on the draft resolution on "
            "Tuesday, 25 April, at 10 a.m. in the General Assembly Hall."
        ),
        "14 March 2023",
        [("2023-04-25", "10:00", None, "General Assembly Hall", "plenary")],
    ),
    (
        (
            "The interactive multi-stakeholder hearing will be convened on 25 April "
            "2023 in Conference Room 4."
        ),
        "14 March 2023",
        [("2023-04-25", None, None, "Conference Room 4", "hearing")],
    ),
    (
        "I will convene an open meeting for Member States and observers on 25 April at 3 p.m.",
        "14 March 2023",
        [("2023-04-25", "15:00", None, None, "other")],
    ),
    (
        "A stocktaking session is foreseen for 25 April.",
        "14 March 2023",
        [("2023-04-25", None, None, None, "stocktaking")],
    ),
    (
        (
            "The second informal consultation is scheduled for Tuesday, 18 April at "
            "10 a.m. in Conference Room 4. We will present the revised text at that "
            "meeting, on 18 April."
        ),
        "14 March 2023",
        [("2023-04-18", "10:00", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        (
            "The briefing will be held on 18 April at 3 p.m. in Conference Room 1. "
            "During the 18 April briefing, the Secretariat will present the report."
        ),
        "14 March 2023",
        [("2023-04-18", "15:00", None, "Conference Room 1", "briefing")],
    ),
    (
        "Following the informal consultation of Monday, 6 March, we circulate the revised draft.",
        "14 March 2023",
        [("2023-03-06", None, None, None, "informal-consultation")],
    ),
    (
        (
            "I thank delegations for their participation in the high-level meeting "
            "which I convened on 1 and 2 March."
        ),
        "14 March 2023",
        [
            ("2023-03-01", None, None, None, "high-level"),
            ("2023-03-02", None, None, None, "high-level"),
        ],
    ),
    (
        "By resolution 77/335 of 1 September 2023 the Assembly decided to hold a dialogue.",
        "14 March 2024",
        [],
    ),
    (
        "In his letter dated 3 March, the Permanent Representative requested a meeting.",
        "14 March 2023",
        [],
    ),
    (
        (
            "The informal consultation originally foreseen for Monday, 17 April has "
            "been rescheduled to Wednesday, 19 April at 10 a.m."
        ),
        "14 March 2023",
        [("2023-04-19", "10:00", None, None, "informal-consultation")],
    ),
    (
        (
            "The briefing will now be held on Wednesday, 19 April, instead of "
            "Monday, 17 April, at 3 p.m. in Conference Room 1."
        ),
        "14 March 2023",
        [("2023-04-19", "15:00", None, "Conference Room 1", "briefing")],
    ),
    (
        (
            "Due to the closure of Headquarters, the informal consultation scheduled "
            "for 17 April is postponed to 24 April, at the same time and venue."
        ),
        "14 March 2023",
        [("2023-04-24", None, None, None, "informal-consultation")],
    ),
    (
        (
            "The 2023 United Nations Water Conference follow-up plenary will be held "
            "from 22-24 March in the General Assembly Hall."
        ),
        "2 February 2023",
        [
            ("2023-03-22", None, None, "General Assembly Hall", "plenary"),
            ("2023-03-23", None, None, "General Assembly Hall", "plenary"),
            ("2023-03-24", None, None, "General Assembly Hall", "plenary"),
        ],
    ),
    (
        "The high-level meeting on AIDS will take place from 8 to 10 June 2021.",
        "1 March 2021",
        [
            ("2021-06-08", None, None, None, "high-level"),
            ("2021-06-09", None, None, None, "high-level"),
            ("2021-06-10", None, None, None, "high-level"),
        ],
    ),
    (
        (
            "The briefing will be held on 20 April at 10 a.m. in Conference Room 1 "
            "of the North Lawn Building."
        ),
        "1 April 2011",
        [("2011-04-20", "10:00", None, "Conference Room 1 (North Lawn Building)", "briefing")],
    ),
    (
        "The briefing will be held on 20 April at 10 a.m. in the ECOSOC Chamber (NLB).",
        "1 April 2011",
        [("2011-04-20", "10:00", None, "ECOSOC Chamber", "briefing")],
    ),
    (
        "The briefing will be held on 20 April at 10 a.m. in the GA Hall.",
        "14 March 2023",
        [("2023-04-20", "10:00", None, "General Assembly Hall", "briefing")],
    ),
    (
        (
            "The briefing will be held on 20 April at 10 a.m. in the Economic and "
            "Social Council Chamber."
        ),
        "14 March 2023",
        [("2023-04-20", "10:00", None, "ECOSOC Chamber", "briefing")],
    ),
    (
        "The briefing will be held on 20 April at 10 a.m. on the WebEx platform.",
        "14 March 2023",
        [("2023-04-20", "10:00", None, None, "briefing")],
    ),
    (
        "The informal consultations will be held on 20 April at 10 a.m. in a virtual format.",
        "14 March 2023",
        [("2023-04-20", "10:00", None, None, "informal-consultation")],
    ),
    (
        "The lnformal consultation will be held on l7 April at l0 a.m. in Conference Room 4.",
        "14 March 2023",
        [("2023-04-17", "10:00", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        "The informal consultation will be held on 17 April at 1O a.m. in Conference Room 4.",
        "14 March 2023",
        [("2023-04-17", "10:00", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        "The informal consultation will be held on 17 Apri1 at 10 a.m. in Conference Room 4.",
        "14 March 2023",
        [("2023-04-17", "10:00", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        (
            "The informal consul-\n"
            "tation will be held on 17 April at 10 a.m. in Confer-\n"
            "ence Room 4."
        ),
        "14 March 2023",
        [("2023-04-17", "10:00", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        (
            "The briefing will be held at 10:00 a.m. (New York time) on Wednesday 12 "
            "April 2023 in Conference Room 4."
        ),
        "14 March 2023",
        [("2023-04-12", "10:00", None, "Conference Room 4", "briefing")],
    ),
    (
        "The briefing will be held on 12th April at 10am in Conference Room 4.",
        "14 March 2023",
        [("2023-04-12", "10:00", None, "Conference Room 4", "briefing")],
    ),
    (
        "The briefing will be held on Apr. 12 at 3PM in Conference Room 4.",
        "14 March 2023",
        [("2023-04-12", "15:00", None, "Conference Room 4", "briefing")],
    ),
    (
        "The briefing will be held on April 12 at 3 PM EST in Conference Room 4.",
        "14 March 2023",
        [("2023-04-12", "15:00", None, "Conference Room 4", "briefing")],
    ),
    (
        (
            "The high-level meeting will take place on 20 and 21 September 2023, "
            "from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m. on each day, in the "
            "General Assembly Hall."
        ),
        "14 March 2023",
        [
            ("2023-09-20", "10:00", "13:00", "General Assembly Hall", "high-level"),
            ("2023-09-20", "15:00", "18:00", "General Assembly Hall", "high-level"),
            ("2023-09-21", "10:00", "13:00", "General Assembly Hall", "high-level"),
            ("2023-09-21", "15:00", "18:00", "General Assembly Hall", "high-level"),
        ],
    ),
    (
        "The Summit of the Future will be held in September 2024.",
        "14 March 2023",
        [],
    ),
    (
        "The Secretary-General will brief Member States in Geneva on 3 May.",
        "14 March 2023",
        [],
    ),
    (
        "Written inputs should be sent by 5 p.m. on Friday, 7 April.",
        "14 March 2023",
        [],
    ),
    (
        "The World Water Forum, to be held in Dakar from 10 to 12 April, will inform our work.",
        "14 March 2023",
        [],
    ),
    (
        (
            "The zero draft will be circulated on 3 April and the first reading will "
            "take place on 10 April."
        ),
        "14 March 2023",
        [("2023-04-10", None, None, None, "informal-consultation")],
    ),
    (
        (
            "In line with the 2030 Agenda and resolution 75/1, the dialogue will "
            "take place on 18 April."
        ),
        "14 March 2023",
        [("2023-04-18", None, None, None, "dialogue")],
    ),
    (
        (
            "I will convene the informal consultations on Tuesday, 18 April, at 10 "
            "a.m. Interpretation will be provided in the six official languages."
        ),
        "14 March 2023",
        [("2023-04-18", "10:00", None, None, "informal-consultation")],
    ),
    (
        (
            "The informal consultations will be held on Tuesday, 18 April, at 10 "
            "a.m. in Conference Room 4 and on Thursday, 20 April, at 3 p.m. in "
            "Conference Room 1."
        ),
        "14 March 2023",
        [
            ("2023-04-18", "10:00", None, "Conference Room 4", "informal-consultation"),
            ("2023-04-20", "15:00", None, "Conference Room 1", "informal-consultation"),
        ],
    ),
    (
        (
            "A hybrid informal consultation will be held on 18 April at 10 a.m. in "
            "Conference Room 4 and via WebEx."
        ),
        "14 March 2023",
        [("2023-04-18", "10:00", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        "Kindly note that the meeting of the General Committee will be held on 18 April.",
        "14 March 2023",
        [("2023-04-18", None, None, None, "other")],
    ),
    (
        "The deadline for the submission of candidatures is 18 April 2023.",
        "14 March 2023",
        [],
    ),
    (
        "The informal consultation is scheduled for 18 April from 10:00 to 13:00 hrs in CR 4.",
        "14 March 2023",
        [("2023-04-18", "10:00", "13:00", "Conference Room 4", "informal-consultation")],
    ),
    (
        "The informal consultation is scheduled for 18 April from 10:00-13:00 in CR-4.",
        "14 March 2023",
        [("2023-04-18", "10:00", "13:00", "Conference Room 4", "informal-consultation")],
    ),
    (
        "A second informal consultation will be held a week later, on 25 April.",
        "14 March 2023",
        [("2023-04-25", None, None, None, "informal-consultation")],
    ),
    (
        "I attach the programme of the high-level week, which begins on 18 September.",
        "14 March 2023",
        [],
    ),
    (
        "The revised draft dated 3 April 2023 is attached.",
        "14 March 2023",
        [],
    ),
    (
        "Thank you for your participation in the briefing of 7 March 2023.",
        "14 March 2023",
        [("2023-03-07", None, None, None, "briefing")],
    ),
    (
        (
            "As announced in my letter of 1 March 2023, the interactive dialogue "
            "will take place on Tuesday, 18 April 2023."
        ),
        "14 March 2023",
        [("2023-04-18", None, None, None, "dialogue")],
    ),
    (
        (
            "The informal consultations on 18 April will be chaired by the "
            "co-facilitators. They will be held in Conference Room 3 at 10 a.m."
        ),
        "14 March 2023",
        [("2023-04-18", "10:00", None, "Conference Room 3", "informal-consultation")],
    ),
    (
        (
            "Delegations are invited to a briefing on 18 April at 10 a.m. in "
            "Conference Room 3, followed by informal consultations at 11.30 a.m. in "
            "the same room."
        ),
        "14 March 2023",
        [
            ("2023-04-18", "10:00", None, "Conference Room 3", "briefing"),
            ("2023-04-18", "11:30", None, "Conference Room 3", "informal-consultation"),
        ],
    ),
    (
        "Meetings of the Fifth Committee are held in Conference Room 3 on 18 April.",
        "14 March 2023",
        [("2023-04-18", None, None, "Conference Room 3", "other")],
    ),
    (
        "The plenary meeting will start at 10 a.m. on 5 April 2023 in the General Assembly Hall.",
        "14 March 2023",
        [("2023-04-05", "10:00", None, "General Assembly Hall", "plenary")],
    ),
    (
        (
            "I wish to convene an informal meeting of the General Assembly to hear a "
            "briefing by the Secretary-General on his priorities for 2024, on "
            "Friday, 12 January 2024, from 10 a.m. to 1 p.m. in the General Assembly "
            "Hall."
        ),
        "20 December 2023",
        [("2024-01-12", "10:00", "13:00", "General Assembly Hall", "briefing")],
    ),
    (
        (
            "The interactive hearing will take place on 2 and 3 May in the "
            "Trusteeship Council Chamber from 10 a.m. to 6 p.m."
        ),
        "14 March 2023",
        [
            ("2023-05-02", "10:00", "18:00", "Trusteeship Council Chamber", "hearing"),
            ("2023-05-03", "10:00", "18:00", "Trusteeship Council Chamber", "hearing"),
        ],
    ),
    (
        (
            "The opening plenary meeting of the high-level meeting will be held at 9 "
            "a.m. on 25 September in the General Assembly Hall."
        ),
        "14 March 2023",
        [("2023-09-25", "09:00", None, "General Assembly Hall", "high-level")],
    ),
    (
        (
            "The informal consultation will be held on 5 April (Wednesday) at 10 "
            "a.m. in Conference Room 4."
        ),
        "14 March 2023",
        [("2023-04-05", "10:00", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        "The hearing will be held on 12-13 April 2023 in the ECOSOC Chamber.",
        "14 March 2023",
        [
            ("2023-04-12", None, None, "ECOSOC Chamber", "hearing"),
            ("2023-04-13", None, None, "ECOSOC Chamber", "hearing"),
        ],
    ),
    (
        (
            "The virtual informal consultations will be held on the following dates:\n"
            "- 3 May\n"
            "- 10 May"
        ),
        "14 March 2023",
        [
            ("2023-05-03", None, None, None, "informal-consultation"),
            ("2023-05-10", None, None, None, "informal-consultation"),
        ],
    ),
    (
        (
            "The first informal consultation will be held on 3 May (10 a.m.-1 p.m.) "
            "in Conference Room 1."
        ),
        "14 March 2023",
        [("2023-05-03", "10:00", "13:00", "Conference Room 1", "informal-consultation")],
    ),
    (
        (
            "We will convene the next round of intergovernmental negotiations on 3 "
            "May 2023 at 10 a.m. in the General Assembly Hall."
        ),
        "14 March 2023",
        [("2023-05-03", "10:00", None, "General Assembly Hall", "negotiation")],
    ),
    (
        (
            "The General Assembly will hold its debate on the question of Palestine "
            "on 29 November, in the morning."
        ),
        "14 March 2023",
        [("2023-11-29", None, None, None, "thematic-debate")],
    ),
    (
        (
            "Informal consultations on the draft resolution will take place on "
            "Monday, 17 April 2023 from 10:00 am - 1:00 pm and on Wednesday, 19 "
            "April 2023 from 3:00 pm - 6:00 pm, in Conference Room 7."
        ),
        "14 March 2023",
        [
            ("2023-04-17", "10:00", "13:00", "Conference Room 7", "informal-consultation"),
            ("2023-04-19", "15:00", "18:00", "Conference Room 7", "informal-consultation"),
        ],
    ),
    (
        (
            "An informal briefing by the Chair of the Committee will take place on 4 "
            "April at 3 p.m. in Conference Room 2. A second briefing will follow on "
            "11 April at the same time."
        ),
        "14 March 2023",
        [
            ("2023-04-04", "15:00", None, "Conference Room 2", "briefing"),
            ("2023-04-11", "15:00", None, None, "briefing"),
        ],
    ),
    (
        (
            "The ceremony commemorating the International Day will be held on 21 "
            "March 2023 at 10 a.m. in the General Assembly Hall."
        ),
        "14 March 2023",
        [("2023-03-21", "10:00", None, "General Assembly Hall", "other")],
    ),
    (
        (
            "The schedule is as follows:\n"
            "\n"
            "Date              Time                   Venue\n"
            "3 April 2023      10:00 a.m.-1:00 p.m.   Conference Room 2\n"
            "5 April 2023      3:00-6:00 p.m.         Conference Room 2\n"
        ),
        "14 March 2023",
        [
            ("2023-04-03", "10:00", "13:00", "Conference Room 2", "other"),
            ("2023-04-05", "15:00", "18:00", "Conference Room 2", "other"),
        ],
    ),
    (
        (
            "The informal consultations will be held as follows:\n"
            "\n"
            "Meeting                   Date                  Time            Room\n"
            "First reading             Monday, 3 April       10 a.m.-1 p.m.  CR 2\n"
            "Second reading            Wednesday, 5 April    3-6 p.m.        CR 2\n"
        ),
        "14 March 2023",
        [
            ("2023-04-03", "10:00", "13:00", "Conference Room 2", "informal-consultation"),
            ("2023-04-05", "15:00", "18:00", "Conference Room 2", "informal-consultation"),
        ],
    ),
    (
        (
            "The second informal consultation will take place on 20 April at 10 a.m. "
            "in Conference Room 4. At that meeting, on 20 April, delegations will "
            "hear the co-facilitators."
        ),
        "14 March 2023",
        [("2023-04-20", "10:00", None, "Conference Room 4", "informal-consultation")],
    ),
    (
        (
            "An open briefing will be held on 20 April at 3 p.m. in Conference Room "
            "1. I look forward to seeing you at the briefing on 20 April."
        ),
        "14 March 2023",
        [("2023-04-20", "15:00", None, "Conference Room 1", "briefing")],
    ),
    (
        (
            "I thank all delegations for their active participation in the "
            "interactive dialogue held on 8 March 2023 in the Trusteeship Council "
            "Chamber."
        ),
        "14 March 2023",
        [("2023-03-08", None, None, "Trusteeship Council Chamber", "dialogue")],
    ),
    (
        (
            "As announced at the informal consultation this morning, the next one "
            "will be held on 20 April."
        ),
        "14 March 2023",
        [
            ("2023-03-14", None, None, None, "informal-consultation"),
            ("2023-04-20", None, None, None, "informal-consultation"),
        ],
    ),
    (
        "Please note that the briefing on 20 April will now start at 11 a.m. instead of 10 a.m.",
        "14 March 2023",
        [("2023-04-20", "11:00", None, None, "briefing")],
    ),
    (
        (
            "The General Assembly will hold the election of the President of the "
            "seventy-eighth session on Thursday, 1 June 2023, at 10 a.m., in the "
            "General Assembly Hall."
        ),
        "14 March 2023",
        [("2023-06-01", "10:00", None, "General Assembly Hall", "election")],
    ),
    (
        (
            "I have the honour to inform you that the annual debate will be held on "
            "21 and 22 November; the list of speakers will open on 6 November."
        ),
        "14 March 2023",
        [
            ("2023-11-21", None, None, None, "thematic-debate"),
            ("2023-11-22", None, None, None, "thematic-debate"),
        ],
    ),
    (
        "The hearing will take place on May 3-4, 2023.",
        "14 March 2023",
        [("2023-05-03", None, None, None, "hearing"), ("2023-05-04", None, None, None, "hearing")],
    ),
    (
        "The hearing will take place on Wednesday and Thursday, 3 and 4 May.",
        "14 March 2023",
        [("2023-05-03", None, None, None, "hearing"), ("2023-05-04", None, None, None, "hearing")],
    ),
    (
        "The hearing will take place from Wednesday 3 to Thursday 4 May.",
        "14 March 2023",
        [("2023-05-03", None, None, None, "hearing"), ("2023-05-04", None, None, None, "hearing")],
    ),
    (
        "The informal consultation will be held on 3rd May 2023 at 10.30 a.m.",
        "14 March 2023",
        [("2023-05-03", "10:30", None, None, "informal-consultation")],
    ),
    (
        "The informal consultation will be held on Wednesday, May 3rd, 2023, at 10:30 AM.",
        "14 March 2023",
        [("2023-05-03", "10:30", None, None, "informal-consultation")],
    ),
    (
        "The informal consultation will be held on 3 May at 10:00-13:00.",
        "14 March 2023",
        [("2023-05-03", "10:00", "13:00", None, "informal-consultation")],
    ),
    (
        "The informal consultation will be held on 3 May between 10 a.m. and 1 p.m.",
        "14 March 2023",
        [("2023-05-03", "10:00", "13:00", None, "informal-consultation")],
    ),
    (
        "The informal consultation will be held on 3 May from 3:00 to 6:00 p.m.",
        "14 March 2023",
        [("2023-05-03", "15:00", "18:00", None, "informal-consultation")],
    ),
    (
        "The informal consultation will be held on 3 May, starting at 10 a.m.",
        "14 March 2023",
        [("2023-05-03", "10:00", None, None, "informal-consultation")],
    ),
    (
        "The informal consultation will be held on 3 May at 10 a.m. sharp.",
        "14 March 2023",
        [("2023-05-03", "10:00", None, None, "informal-consultation")],
    ),
    (
        "The briefing is scheduled for the afternoon of 3 May, at 3 p.m.",
        "14 March 2023",
        [("2023-05-03", "15:00", None, None, "briefing")],
    ),
]


@pytest.mark.parametrize(("body", "dated", "meetings"), VARIANTS)
def test_the_patterns_of_real_letters_in_wordings_of_their_own(body, dated, meetings):
    assert meetings_of(body, dated) == meetings


# What fourth/ showed (issue #18), each in wordings of its own.
SAME_PLACE_VARIANTS = [
    # "the same room" is the last room stated, not that of a back-reference without one.
    (
        "The informal consultations will be held on 6 June at 10 a.m. in Conference Room 6. At the "
        "6 June meeting the co-facilitators will present the zero draft.\n\n"
        "A further informal consultation will be held on 13 June at 3 p.m. in the same room.",
        [
            ("2023-06-06", "10:00", None, "Conference Room 6", "informal-consultation"),
            ("2023-06-13", "15:00", None, "Conference Room 6", "informal-consultation"),
        ],
    ),
    (
        "The first reading will take place on 8 June at 10 a.m. in Conference Room 11. "
        "The second reading is set for 15 June at 3 p.m., in the same conference room.",
        [
            ("2023-06-08", "10:00", None, "Conference Room 11", "informal-consultation"),
            ("2023-06-15", "15:00", None, "Conference Room 11", "informal-consultation"),
        ],
    ),
    # "... as the briefing": the meeting named lends its time and room, not the last one.
    (
        "The briefing will be held on 5 June at 3 p.m. in Conference Room 2. The plenary "
        "meeting will be held on 7 June at 10 a.m. in the General Assembly Hall. A hearing "
        "will follow on 9 June at the same time and place as the briefing.",
        [
            ("2023-06-05", "15:00", None, "Conference Room 2", "briefing"),
            ("2023-06-07", "10:00", None, "General Assembly Hall", "plenary"),
            ("2023-06-09", "15:00", None, "Conference Room 2", "hearing"),
        ],
    ),
    # A meeting called off lends its room to the one after it: "the consultations of 11 May
    # in Conference Room 3 are cancelled; the next ... in the same room" (six letters of
    # the corpus, by six writers, against none; this reverses an earlier call).
    (
        "The briefing will be held on 5 June at 3 p.m. in Conference Room 2. The informal "
        "consultation planned for 6 June in Conference Room 8 is cancelled. A hearing will "
        "be held on 9 June at 10 a.m. in the same room.",
        [
            ("2023-06-05", "15:00", None, "Conference Room 2", "briefing"),
            ("2023-06-06", None, None, "Conference Room 8", "informal-consultation"),
            ("2023-06-09", "10:00", None, "Conference Room 8", "hearing"),
        ],
    ),
]


@pytest.mark.parametrize(("body", "meetings"), SAME_PLACE_VARIANTS)
def test_the_same_room_is_the_last_one_stated_or_the_one_named(body, meetings):
    assert meetings_of(body) == meetings


NOT_MEETINGS = [
    # A term's length before its start: "a term of two years beginning on".
    (
        "The election of the members will be held on 3 June 2023 in the "
        "General Assembly Hall, for a term of two years beginning on 1 July 2023.",
        [("2023-06-03", None, None, "General Assembly Hall", "election")],
    ),
    (
        "The election will take place on 3 June 2023; the members elected serve a "
        "four-year term starting on 1 January 2024.",
        [("2023-06-03", None, None, None, "election")],
    ),
    # The governing body of an agency meeting close before the date is not the Assembly.
    (
        "The briefing will be held on 5 June at 10 a.m. Many experts will be at the "
        "International Maritime Organization's Council session in London, which closes on "
        "2 June.",
        [("2023-06-05", "10:00", None, None, "briefing")],
    ),
    (
        "The briefing will be held on 5 June at 10 a.m., after the Executive Board annual "
        "session, which opens on 29 May.",
        [("2023-06-05", "10:00", None, None, "briefing")],
    ),
]


@pytest.mark.parametrize(("body", "meetings"), NOT_MEETINGS)
def test_terms_and_agencies_bodies_are_not_meetings(body, meetings):
    assert meetings_of(body) == meetings


ASIDES = [
    # A month after "took place in" is no city: the meeting is at Headquarters.
    (
        "The President intends to convene a briefing on the review, which was held in "
        "March, on 12 April at 3 p.m. in Conference Room 2.",
        [("2023-04-12", "15:00", None, "Conference Room 2", "briefing")],
    ),
    (
        "An informal meeting of the plenary on the outcome of the summit, which took "
        "place in February, will be held on 12 April at 10 a.m.",
        [("2023-04-12", "10:00", None, None, "plenary")],
    ),
    # A city still is: "held in Vienna" is away from Headquarters.
    (
        "The briefing will be held on 12 April at 10 a.m. The expert meeting will be held "
        "in Vienna on 20 April.",
        [("2023-04-12", "10:00", None, None, "briefing")],
    ),
]


@pytest.mark.parametrize(("body", "meetings"), ASIDES)
def test_an_aside_in_the_past_and_a_month_named_do_not_move_the_meeting(body, meetings):
    assert meetings_of(body) == meetings


def test_an_aside_in_the_past_leaves_the_meeting_ahead():
    [meeting] = extract(
        letter(
            "The President wishes to hold a briefing on the follow-up to the conference, "
            "which took place last year, on 12 April at 3 p.m."
        )
    ).meetings
    assert (meeting.date.isoformat(), meeting.held) == ("2023-04-12", False)


def moves_of(body: str) -> list[tuple]:
    return [
        (
            m.date.isoformat(),
            m.start and m.start.strftime("%H:%M"),
            m.room,
            m.action.value,
            m.moved_from and m.moved_from.isoformat(),
            m.held,
        )
        for m in extract(letter(body)).meetings
    ]


def test_a_meeting_moved_in_the_sentence_after_it_is_one_meeting_at_its_new_date():
    body = (
        "The briefing on the budget, foreseen for Thursday, 6 April, cannot take place "
        "that day. It has been rescheduled to Monday, 10 April at 3 p.m. in Conference "
        "Room 7."
    )
    assert moves_of(body) == [
        ("2023-04-10", "15:00", "Conference Room 7", "move", "2023-04-06", False)
    ]


def test_a_meeting_moved_keeps_what_the_move_does_not_change():
    body = (
        "The informal consultation will be held on 6 April at 10 a.m. in Conference Room 5."
        " It will be postponed to 13 April."
    )
    assert moves_of(body) == [
        ("2023-04-13", "10:00", "Conference Room 5", "move", "2023-04-06", False)
    ]


def test_a_meeting_that_cannot_be_held_is_not_held_already():
    [meeting] = extract(
        letter("The hearing announced for 20 March cannot be held on that day.")
    ).meetings
    assert (meeting.date.isoformat(), meeting.held) == ("2023-03-20", False)


def test_a_sentence_naming_a_meeting_of_its_own_is_no_move_of_the_one_before():
    body = (
        "The briefing will be held on 6 April at 10 a.m. The hearing has been moved to "
        "12 April at 3 p.m."
    )
    assert [(m[0], m[3]) for m in moves_of(body)] == [
        ("2023-04-06", "announce"),
        ("2023-04-12", "move"),
    ]


def test_will_instead_be_held_moves_the_meeting_from_the_date_first_foreseen():
    body = (
        "The hearing with civil society, initially planned for Friday, 7 April, will "
        "instead take place on Tuesday, 11 April at 10 a.m. in Conference Room 3."
    )
    assert moves_of(body) == [
        ("2023-04-11", "10:00", "Conference Room 3", "move", "2023-04-07", False)
    ]


def test_an_undated_letter_gives_a_date_without_a_year_the_year_stated_before_it():
    body = (
        "The briefing will be held on Monday, 4 June 2029 at 10 a.m. in Conference Room 3 "
        "and the hearing on the 8th of June at the same time and place."
    )
    assert meetings_of(body, dated="I5 Mav 2O29") == [
        ("2029-06-04", "10:00", None, "Conference Room 3", "briefing"),
        ("2029-06-08", "10:00", None, "Conference Room 3", "hearing"),
    ]


def test_an_undated_letter_gives_a_later_sentence_the_year_of_the_meeting_before():
    body = (
        "The briefing will be held on Monday, 4 June 2029 at 10 a.m.\n\n"
        "A hearing will follow on 12 June at 3 p.m."
    )
    assert meetings_of(body, dated="I5 Mav 2O29") == [
        ("2029-06-04", "10:00", None, None, "briefing"),
        ("2029-06-12", "15:00", None, None, "hearing"),
    ]


def test_a_word_qualifying_a_topic_leaves_the_kind_to_the_meeting_named_first():
    body = (
        "The co-facilitators will hold informal consultations on the review of the "
        "high-level dialogue on 12 April at 10 a.m."
    )
    assert meetings_of(body) == [("2023-04-12", "10:00", None, None, "informal-consultation")]


ANNOUNCED_THEN_DATED = [
    # A meeting announced in one sentence and dated in the next keeps its kind.
    (
        "I intend to convene an informal meeting of the plenary to hear a briefing by the "
        "Secretary-General on his priorities. The meeting will take place on 20 April at "
        "10 a.m. in the General Assembly Hall.",
        [("2023-04-20", "10:00", None, "General Assembly Hall", "briefing")],
    ),
    (
        "The co-facilitators will hold a hearing with civil society on the draft. It will "
        "take place on 20 April at 3 p.m.",
        [("2023-04-20", "15:00", None, None, "hearing")],
    ),
    # The meeting a sentence names after the work of an organ is no topic's kind.
    (
        "We will hold informal consultations on the agenda of the plenary on 21 April at 11 a.m.",
        [("2023-04-21", "11:00", None, None, "informal-consultation")],
    ),
]


@pytest.mark.parametrize(("body", "meetings"), ANNOUNCED_THEN_DATED)
def test_a_meeting_announced_then_dated_keeps_the_kind_announced(body, meetings):
    assert meetings_of(body) == meetings


OPENED_WITH = [
    # The meeting a sentence opens with is what it speaks of, not a topic.
    (
        "For the final reading, on Thursday, 20 April, we will meet at 10 a.m. in "
        "Conference Room 8 and again in the afternoon sessions.",
        [("2023-04-20", "10:00", None, "Conference Room 8", "informal-consultation")],
    ),
    (
        "At the hearing, on 21 April at 3 p.m., speakers will have three minutes each.",
        [("2023-04-21", "15:00", None, None, "hearing")],
    ),
]


@pytest.mark.parametrize(("body", "meetings"), OPENED_WITH)
def test_a_meeting_a_sentence_opens_with_gives_its_kind(body, meetings):
    assert meetings_of(body) == meetings


def test_a_tables_title_gives_its_rows_their_kind():
    body = (
        "Please find the programme below.\n\n"
        "     PROGRAMME OF INFORMAL HEARINGS\n\n"
        "     Date                  Time                Room\n"
        "     Monday, 17 April      10 a.m. - 1 p.m.    Conference Room 3\n"
        "     Friday, 21 April      3 p.m. - 6 p.m.     Conference Room 5\n"
    )
    assert meetings_of(body) == [
        ("2023-04-17", "10:00", "13:00", "Conference Room 3", "hearing"),
        ("2023-04-21", "15:00", "18:00", "Conference Room 5", "hearing"),
    ]


def test_a_title_with_no_list_under_it_gives_no_kind_to_what_follows():
    body = "Informal hearings\n\nThe meeting will be held on 17 April at 10 a.m."
    assert [m[4] for m in meetings_of(body)] == ["other"]


def test_a_meeting_called_off_twice_in_one_letter_is_called_off_once():
    body = (
        "The briefing of Monday, 17 April is cancelled.\n\n"
        "     PROGRAMME OF BRIEFINGS\n\n"
        "     Date                  Time                Room\n"
        "     Monday, 17 April      CANCELLED\n"
        "     Friday, 21 April      3 p.m. - 6 p.m.     Conference Room 5\n"
    )
    found = [(m.date.isoformat(), m.action.value) for m in extract(letter(body)).meetings]
    assert found == [("2023-04-17", "cancel"), ("2023-04-21", "announce")]


def test_a_column_head_without_commas_keeps_the_kind_the_lead_in_gave():
    body = (
        "The schedule of the informal hearings is as follows:\n\n"
        "Date Time Room\n\n"
        "Monday, 17 April 2023 10 a.m. - 1 p.m. Conference Room 3\n"
    )
    assert meetings_of(body) == [("2023-04-17", "10:00", "13:00", "Conference Room 3", "hearing")]
