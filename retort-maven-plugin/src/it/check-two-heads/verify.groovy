def log = new File(basedir, 'build.log').text
assert log.contains('the migrations have 2 heads: c3c3c3c3c3c3 (versions/c3c3c3c3c3c3_reviews.sql), d4d4d4d4d4d4 (versions/d4d4d4d4d4d4_favorites.sql)')
assert log.contains('retort merge heads')
return true
