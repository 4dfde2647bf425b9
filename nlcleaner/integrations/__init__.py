"""Running nlcleaner inside other engines: DataTrove (`datatrove`), Dolma attribute files (`dolma`), and batch helpers
for Hugging Face `datasets.map`, pandas and Arrow (`batch`, which Spark's mapInPandas / mapInArrow use).

Nothing here is imported by `import nlcleaner`; each module imports its engine only when it is used, so the optional
extras stay optional. Every path goes through the pure API (`Cleaner.clean`), so a document comes out with the same
text and the same removal records whichever engine, executor or number of workers ran it. Recipes: docs/integrations.md.
"""
