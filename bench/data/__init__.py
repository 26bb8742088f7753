"""Benchmark data generators. Each app adds bench/data/<app>.py with

    def generate(*, size: int, rng: random.Random, stdout) -> None

`size` is the number of projects the data set should be shaped around (1,000 and 100,000
in the scaling run); generators use bulk_create and must finish 100k in a few minutes.
They run in INSTALLED_APPS order after the kernel's demo data has been loaded.

The contract the runner (bench/run.py) relies on:
- `generate` is called once per size, smallest first, on the same database: first with
  size=1,000 (after `seed_demo`), later with size=100,000 to grow the data set for the
  scaling measurements. It must be additive or idempotent: bring the data up to the
  shape for `size`, creating only what is missing (count what is there first), never
  duplicating rows or failing on unique constraints when called again with a larger size.
- `rng` is a `random.Random` seeded from the module name and the size: use it (not the
  global `random`) so every run builds the same data.
- Each call runs inside one transaction; the runner invalidates the anonymous page cache
  and runs `VACUUM ANALYZE` afterwards, so generators need not do either.
- "kernel" (bench/data/kernel.py) runs first, then the apps' modules in INSTALLED_APPS
  order (module name = app label: ideas, ballots, rounds, contracts, catalog, api,
  dashboard, donations, cohorts); other names run last, alphabetically.
- `stdout` is Django's OutputWrapper: `stdout.write("...")` adds the newline.
"""
