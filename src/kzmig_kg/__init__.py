"""kzmig-kg: a knowledge graph of Kazakhstan's migration governance and migration trends."""

__version__ = "0.1.0"
