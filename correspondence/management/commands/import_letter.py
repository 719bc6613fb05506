import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from correspondence import letters
from correspondence.documents import DocumentError
from correspondence.extraction import ExtractionError, as_json


class Command(BaseCommand):
    help = (
        "Read a letter (.txt, .pdf or .docx): --json prints the meetings and deadlines it "
        "announces without saving anything; --save stores it with its proposals for review."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--json", action="store_true", dest="print_json", help="print the reading as JSON"
        )
        parser.add_argument("--save", action="store_true", help="store it for staff review")

    def handle(self, *args, path: Path, print_json: bool, save: bool, **options):
        try:
            data = path.read_bytes()
            if save:
                imported = letters.import_letter(data, filename=path.name)
                found = imported.found
            else:
                found = letters.read_file(data, filename=path.name)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}") from error
        except (DocumentError, ExtractionError, letters.TooManyProposals) as error:
            raise CommandError(f"{path}: {error}") from error
        if print_json or not save:
            self.stdout.write(json.dumps(as_json(found), indent=2, ensure_ascii=False))
        if save:
            verb = "Stored" if imported.created else "Already in the archive; proposals renewed for"
            self.stderr.write(f"{verb} letter {imported.letter.pk}: {imported.letter}")
