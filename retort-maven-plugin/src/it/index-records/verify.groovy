def index = new File(basedir, 'migrations/retort.index').readLines().findAll { !it.startsWith('#') }
assert index.size() == 2
assert index[0] ==~ /v1:[0-9a-f]{64}  versions\/a1a1a1a1a1a1_apartments.sql/
assert index[1] ==~ /v1:[0-9a-f]{64}  versions\/b2b2b2b2b2b2_bookings.sql/
def log = new File(basedir, 'build.log').text
assert log.contains('retort: 2 new migration(s) recorded in')
assert log.contains('retort: 2 migration(s), one head, as recorded in')
return true
