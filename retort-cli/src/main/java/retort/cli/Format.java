package retort.cli;

/** {@code --format}: what the listing commands print. */
enum Format {
  /** Alembic's lines, for people (the default). */
  text,
  /** One JSON document (see {@link JsonOutput}), for scripts and CI. */
  json
}
