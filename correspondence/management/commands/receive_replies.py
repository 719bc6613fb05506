from django.core.management.base import BaseCommand, CommandError

from correspondence import receiving


class Command(BaseCommand):
    help = (
        "Receive the mail sent to the reply address (GASCHED_REPLY_ADDRESS) on host:port, "
        "over SMTP, or LMTP with --lmtp (Postfix: lmtp:inet:host:port), until stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8024)
        parser.add_argument("--lmtp", action="store_true", help="speak LMTP instead of SMTP")

    def handle(self, *args, host: str, port: int, lmtp: bool, **options):
        def ready(controller):
            protocol = "LMTP" if lmtp else "SMTP"
            self.stdout.write(f"Receiving replies over {protocol} on {host}:{port}", ending="\n")
            self.stdout.flush()

        try:
            receiving.serve(host=host, port=port, lmtp=lmtp, ready=ready)
        except OSError as error:
            raise CommandError(f"Cannot listen on {host}:{port}: {error}") from error
