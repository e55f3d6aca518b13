from django.core.management.base import BaseCommand

from traceability.anchoring import key_id, new_signing_key


class Command(BaseCommand):
    help = (
        "Print a new Ed25519 private key for TRACE_SIGNING_KEY (keep it secret, set it in the "
        "environment) and its key id. Its public key is then served at /trace/chain-key.pem."
    )

    def handle(self, *args, **options):
        import base64

        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        encoded = new_signing_key()
        public = (
            Ed25519PrivateKey.from_private_bytes(base64.b64decode(encoded))
            .public_key()
            .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        )
        self.stdout.write(f"TRACE_SIGNING_KEY={encoded}")
        self.stdout.write(f"# key id {key_id(public)}")
