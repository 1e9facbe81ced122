from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The scale data generator (seed_scale) and the benchmark suite (bench). It imports every
    other app and nothing imports it."""

    name = "benchmarks"
    verbose_name = "Scale and benchmarks"
