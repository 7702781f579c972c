"""Team library updates: the feed over HTTPS, shared-folder probing, the team cache, the update service.

Sits above ``storage`` (paths, atomic writes, the keyring) and below ``ui``.
"""
