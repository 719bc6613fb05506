from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from correspondence.extraction.scoring import score_directories

CORPUS = Path("tests/correspondence/corpus")


class Command(BaseCommand):
    help = (
        "Score the reading of letters against a corpus (NNN.txt with NNN.json): precision, "
        "recall and F1 on (date, start, room), and kind accuracy, per directory and overall."
    )

    def add_arguments(self, parser):
        parser.add_argument("directories", nargs="*", type=Path, metavar="DIR")
        parser.add_argument("--misses", action="store_true", help="list what was not right")

    def handle(self, *args, directories: list[Path], misses: bool, **options):
        directories = directories or [CORPUS / "first"]
        for directory in directories:
            if not directory.is_dir():
                raise CommandError(f"{directory} is not a directory.")
        scores, overall = score_directories(directories)
        for score in scores if len(scores) > 1 else []:
            self.stdout.write(score.line())
        self.stdout.write(overall.line())
        for line in overall.misses if misses else []:
            self.stdout.write(f"  {line}")
