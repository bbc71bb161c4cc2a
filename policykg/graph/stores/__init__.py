"""Stores of the one graph model: embedded (LadybugDB, the default), Neo4j, networkx."""
