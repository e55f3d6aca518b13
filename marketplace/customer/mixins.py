"""Registration signs the new customer in without asking the authentication backends."""

from django.conf import settings
from django.contrib.auth import login as auth_login
from oscar.apps.customer import mixins as oscar_mixins
from oscar.apps.customer.mixins import PageTitleMixin  # noqa: F401 (Oscar loads it from here)
from oscar.apps.customer.signals import user_registered
from oscar.core.compat import get_user_model

User = get_user_model()
EMAIL_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


class RegisterUserMixin(oscar_mixins.RegisterUserMixin):
    def register_user(self, form):
        """Create the account, e-mail the customer and sign them in.

        Oscar calls ``authenticate()`` here, without the request, only to learn the
        backend. Through the login lockout (axes) that call is refused, and would count as
        a failed sign-in from a locked-out address: the new customer is signed in with
        Oscar's e-mail backend directly instead.
        """
        user = form.save()
        user_registered.send_robust(sender=self, request=self.request, user=user)
        if getattr(settings, "OSCAR_SEND_REGISTRATION_EMAIL", True):
            self.send_registration_email(user)
        # Two registrations submitted at once can both pass the form's uniqueness check:
        # keep the first account, as Oscar does, and deactivate the others.
        accounts = User.objects.filter(email=user.email).order_by("pk")
        first = accounts[0]
        accounts.exclude(pk=first.pk).update(is_active=False)
        auth_login(self.request, first, backend=EMAIL_BACKEND)
        return first
