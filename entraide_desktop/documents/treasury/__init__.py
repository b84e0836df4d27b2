"""The treasury's documents: the year's financial statements (PDF, ODT, XLSX)."""
