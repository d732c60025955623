def log = new File(basedir, 'build.log').text
assert log.contains('retort: no difference between head and schema') : 'build.log lacks the verdict'
assert log.contains('BUILD SUCCESS')
return true
