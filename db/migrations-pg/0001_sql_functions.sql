-- PostgreSQL versions of the functions SQLite gets from db/sql-functions.ts (same names, same results).
-- tz_offset_ms(ms, zone): the UTC offset of an IANA zone at an epoch-ms instant, in ms; NULL for a NULL
-- instant or zone, and for a zone PostgreSQL does not know (as the SQLite version returns NULL).
-- IMMUTABLE like the timezone() conversion it uses: it depends on the time zone database only.
CREATE OR REPLACE FUNCTION tz_offset_ms(ms bigint, zone text) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  instant timestamptz := to_timestamp(0) + ms * interval '1 millisecond';
BEGIN
  RETURN (extract(epoch FROM (instant AT TIME ZONE zone) - (instant AT TIME ZONE 'UTC')) * 1000)::bigint;
EXCEPTION WHEN invalid_parameter_value THEN
  RETURN NULL;
END;
$$;
