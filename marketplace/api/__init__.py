"""The REST API under /api/v1/: the public catalogue, and each cooperative's own data.

Public endpoints (``public_views``) read what any shopper can see in the shop. The
cooperative endpoints (``cooperative_views``) act for one cooperative, with a personal
access token (``models.AccessToken``) made and revoked in the cooperative dashboard, and
reach only what ``marketplace.access`` lets that cooperative's logins reach.
"""
