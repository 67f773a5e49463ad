"""Executors only move shards: each maps `run_shard` over them."""
