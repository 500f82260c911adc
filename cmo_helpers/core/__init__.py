"""The ground floor: errors, paths, escaping, numbers as written and formatted, report dates, bounded file
reading and the one atomic write. Imports nothing else from the package; everything above may use it.
"""
