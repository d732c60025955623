// retort.index was written by `mvn retort:index` before the bookings migration was edited (id int -> bigint)
def log = new File(basedir, 'build.log').text
assert log.contains('versions/b2b2b2b2b2b2_bookings.sql: changed since it was recorded in retort.index')
assert !log.contains('versions/a1a1a1a1a1a1_apartments.sql: changed')
assert log.contains('write the change as a new revision')
return true
