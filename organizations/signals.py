"""What organizations tells other apps about writes that bypass `save()`.

Bulk writes send no `post_save`: an admin action that confirms or unpublishes many records at
once (`bulk_update`), and a merge that moves thousands of rows (mentions, roles, affiliations)
from one record to another with one UPDATE a relation. Whatever other apps keep in step with
those rows (the public search index) listens here instead. `organizations` may not import
`documents`, so it announces; `documents.signals` receives.
"""

from django.dispatch import Signal

# sender: the model whose rows changed; pks: their primary keys.
rows_changed_in_bulk = Signal()
