"""Streamlit views of the Coalition Atlas explorer (app.py dispatches to one render() per view)."""
