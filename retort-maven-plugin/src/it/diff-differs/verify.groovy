def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }
expect('retort: the SQL that takes head to schema:')
expect('ALTER TABLE apartments.listing ADD COLUMN district text')
expect('head and schema differ: 1 change')
expect('retort revision --autogenerate -m MSG')
return true
