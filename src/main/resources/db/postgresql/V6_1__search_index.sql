-- Full-text search (messages/control/SearchQueries): the 'simple' configuration (no stemming, no
-- stop words) because rooms mix languages. H2 has no such index; it searches with LIKE.
CREATE INDEX messages_search ON messages USING GIN (to_tsvector('simple', body));
