"""What organizations tells other apps about writes that bypass `save()`.

A merge moves thousands of rows (mentions, roles, affiliations) from one record to another
with one UPDATE a relation instead of a `save()` a row, so no `post_save` is sent for them.
Whatever other apps keep in step with those rows (the search index) listens here instead.
"""

from django.dispatch import Signal

# sender: the model whose rows now point elsewhere; pks: their primary keys; field: the
# attribute (`organization_id`) that changed.
rows_repointed = Signal()
