"""The cooperative endpoints (/api/v1/cooperative/), one module per scope family.

Every view is a ``CooperativeAPIMixin``: a token (or a signed-in browser session) acting
for an approved cooperative, within the token's scopes for the view's ``scope_family``,
limited per token. What a view reads comes from ``marketplace.api.cooperative_selectors``
(scoped by ``marketplace.access``), so another cooperative's object is a 404; what it
changes goes through the owning app's services, whose refusals become 400 and 403 JSON.
"""
