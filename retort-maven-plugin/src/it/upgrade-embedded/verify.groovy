// What the build printed, in the order the goals ran.
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect('retort: embedded PostgreSQL started, retort.embedded.url=jdbc:postgresql://localhost:')
expect('Running upgrade <base> -> a1a1a1a1a1a1, apartments')
expect('Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, bookings')
expect('retort: 2 migration(s) applied; now at b2b2b2b2b2b2')
expect('a1a1a1a1a1a1 -> b2b2b2b2b2b2 (head) (current), bookings')
expect('Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, bookings')
expect('retort: 1 migration(s) undone; now at a1a1a1a1a1a1')
assert log.indexOf('[INFO] b2b2b2b2b2b2 (head) (current)') < log.indexOf('[INFO] a1a1a1a1a1a1 (current)')
expect('retort: embedded PostgreSQL stopped')
return true
