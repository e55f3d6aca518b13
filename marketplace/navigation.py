"""Access rules for dashboard menu entries that lead outside Oscar's dashboard."""


def staff_only(user, url_name, url_args=None, url_kwargs=None):
    """Show the entry to active staff only (the Wagtail admin is not for cooperatives)."""
    return user.is_active and user.is_staff
