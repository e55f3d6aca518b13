"""Product feeds for other sales channels: Google Merchant Center and Meta's catalogues.

One feed per language (Vietnamese, English), each as RSS 2.0 XML with Google's ``g:``
namespace and as CSV with Google's column names (Meta reads both). The task queue builds
them (``catalogue.tasks.feeds_build``, every 30 minutes by beat; ``manage.py
build_feeds``) into the default storage under ``feeds/``; ``/feeds/<name>`` serves the
stored file and never builds one in a request.

``selectors`` finds the products (exactly those the shop lists), ``items`` turns each
into the specification's fields, ``writers`` writes XML and CSV, ``storage`` replaces the
stored files whole, ``build`` runs the four, ``views`` serves them.
"""
