"""The rooms' names in the other official languages, as the Journal's language editions
print them (Room.names). The names are a copy of meetings/headquarters.py as it stood when
this migration was frozen, so that a later change there cannot change what it does."""

from django.db import migrations, models

ROOM_NAMES = {
    "GA-HALL": {
        "fr": "Salle de l'Assemblée générale",
        "es": "Salón de la Asamblea General",
        "ru": "Зал Генеральной Ассамблеи",
        "ar": "قاعة الجمعية العامة",
        "zh-hans": "大会堂",
    },
    "SC-CHAMBER": {
        "fr": "Salle du Conseil de sécurité",
        "es": "Salón del Consejo de Seguridad",
        "ru": "Зал Совета Безопасности",
        "ar": "قاعة مجلس الأمن",
        "zh-hans": "安全理事会会议厅",
    },
    "ECOSOC": {
        "fr": "Salle du Conseil économique et social",
        "es": "Salón del Consejo Económico y Social",
        "ru": "Зал Экономического и Социального Совета",
        "ar": "قاعة المجلس الاقتصادي والاجتماعي",
        "zh-hans": "经济及社会理事会会议厅",
    },
    "TC-CHAMBER": {
        "fr": "Salle du Conseil de tutelle",
        "es": "Salón del Consejo de Administración Fiduciaria",
        "ru": "Зал Совета по Опеке",
        "ar": "قاعة مجلس الوصاية",
        "zh-hans": "托管理事会会议厅",
    },
    "SC-CONSULTATIONS": {
        "fr": "Salle des consultations du Conseil de sécurité",
        "es": "Sala de Consultas del Consejo de Seguridad",
        "ru": "Зал консультаций Совета Безопасности",
        "ar": "غرفة مشاورات مجلس الأمن",
        "zh-hans": "安全理事会磋商室",
    },
    "CR1": {
        "fr": "Salle de conférence 1",
        "es": "Sala de conferencias 1",
        "ru": "Зал заседаний 1",
        "ar": "قاعة الاجتماعات 1",
        "zh-hans": "第1会议室",
    },
    "CR2": {
        "fr": "Salle de conférence 2",
        "es": "Sala de conferencias 2",
        "ru": "Зал заседаний 2",
        "ar": "قاعة الاجتماعات 2",
        "zh-hans": "第2会议室",
    },
    "CR3": {
        "fr": "Salle de conférence 3",
        "es": "Sala de conferencias 3",
        "ru": "Зал заседаний 3",
        "ar": "قاعة الاجتماعات 3",
        "zh-hans": "第3会议室",
    },
    "CR4": {
        "fr": "Salle de conférence 4",
        "es": "Sala de conferencias 4",
        "ru": "Зал заседаний 4",
        "ar": "قاعة الاجتماعات 4",
        "zh-hans": "第4会议室",
    },
    "CR5": {
        "fr": "Salle de conférence 5",
        "es": "Sala de conferencias 5",
        "ru": "Зал заседаний 5",
        "ar": "قاعة الاجتماعات 5",
        "zh-hans": "第5会议室",
    },
    "CR6": {
        "fr": "Salle de conférence 6",
        "es": "Sala de conferencias 6",
        "ru": "Зал заседаний 6",
        "ar": "قاعة الاجتماعات 6",
        "zh-hans": "第6会议室",
    },
    "CR7": {
        "fr": "Salle de conférence 7",
        "es": "Sala de conferencias 7",
        "ru": "Зал заседаний 7",
        "ar": "قاعة الاجتماعات 7",
        "zh-hans": "第7会议室",
    },
    "CR8": {
        "fr": "Salle de conférence 8",
        "es": "Sala de conferencias 8",
        "ru": "Зал заседаний 8",
        "ar": "قاعة الاجتماعات 8",
        "zh-hans": "第8会议室",
    },
    "CR9": {
        "fr": "Salle de conférence 9",
        "es": "Sala de conferencias 9",
        "ru": "Зал заседаний 9",
        "ar": "قاعة الاجتماعات 9",
        "zh-hans": "第9会议室",
    },
    "CR10": {
        "fr": "Salle de conférence 10",
        "es": "Sala de conferencias 10",
        "ru": "Зал заседаний 10",
        "ar": "قاعة الاجتماعات 10",
        "zh-hans": "第10会议室",
    },
    "CR11": {
        "fr": "Salle de conférence 11",
        "es": "Sala de conferencias 11",
        "ru": "Зал заседаний 11",
        "ar": "قاعة الاجتماعات 11",
        "zh-hans": "第11会议室",
    },
    "CR12": {
        "fr": "Salle de conférence 12",
        "es": "Sala de conferencias 12",
        "ru": "Зал заседаний 12",
        "ar": "قاعة الاجتماعات 12",
        "zh-hans": "第12会议室",
    },
    "CRA": {
        "fr": "Salle de conférence A",
        "es": "Sala de conferencias A",
        "ru": "Зал заседаний A",
        "ar": "قاعة الاجتماعات A",
    },
    "CRB": {
        "fr": "Salle de conférence B",
        "es": "Sala de conferencias B",
        "ru": "Зал заседаний B",
        "ar": "قاعة الاجتماعات B",
    },
    "CRC": {
        "fr": "Salle de conférence C",
        "es": "Sala de conferencias C",
        "ru": "Зал заседаний C",
        "ar": "قاعة الاجتماعات C",
    },
    "CRD": {
        "fr": "Salle de conférence D",
        "es": "Sala de conferencias D",
        "ru": "Зал заседаний D",
        "ar": "قاعة الاجتماعات D",
    },
    "CRE": {
        "fr": "Salle de conférence E",
        "es": "Sala de conferencias E",
        "ru": "Зал заседаний E",
        "ar": "قاعة الاجتماعات E",
    },
}


def name_rooms(apps, schema_editor):
    Room = apps.get_model("meetings", "Room")
    for room in Room.objects.filter(code__in=ROOM_NAMES):
        # Names an office already gave a room stay as they are.
        room.names = {**ROOM_NAMES[room.code], **room.names}
        room.save(update_fields=["names"])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0023_search_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalroom",
            name="names",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text='By language code, e.g. {"fr": "Salle de conférence 4"}',
                verbose_name="names in other languages",
            ),
        ),
        migrations.AddField(
            model_name="room",
            name="names",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text='By language code, e.g. {"fr": "Salle de conférence 4"}',
                verbose_name="names in other languages",
            ),
        ),
        migrations.RunPython(name_rooms, migrations.RunPython.noop),
    ]
