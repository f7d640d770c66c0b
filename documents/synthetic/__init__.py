"""A synthetic archive for measuring the site at scale: `texts` makes the documents (pure Python,
no database), `archive` feeds them to the importer and plays the curators' part."""
