"""`python -m bench`: run every benchmark, print the table, write the JSON."""

from bench.runner import main

if __name__ == "__main__":
    raise SystemExit(main())
