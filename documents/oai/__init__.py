"""OAI-PMH 2.0 at /oai/: the public source documents as Dublin Core records, for archives and
libraries that harvest. `views` answers, `verbs` does each verb, `arguments` checks what a
harvester sent, `records` reads the documents, `tokens` signs resumption tokens, `xml` writes.

Deleted records: "no". An unpublished or rejected document simply leaves the repository; the
archive keeps no tombstones, so harvesters re-harvest in full to notice removals.
"""
