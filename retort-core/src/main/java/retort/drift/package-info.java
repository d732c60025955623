/**
 * Drift: whether a live database is what its migrations say it is. The database's version rows and
 * catalog are read in one read-only transaction that takes no lock the application could wait for,
 * and compared, object by object, with the recorded revisions replayed on a scratch server; each
 * difference is named as a user knows the object ({@code apartments.bookings.note: column added
 * outside migrations}).
 *
 * <p>Internal to Retort: use the {@code retort} package.
 */
package retort.drift;
