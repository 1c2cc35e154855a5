import time, sys
_t0 = time.perf_counter()
import streamlit as st
import ui.state, ui.network, ui.filters
sys.stderr.write(f"TIMING imports {time.perf_counter()-_t0:.2f}\n")
import cProfile, pstats
pr = cProfile.Profile(); pr.enable()
exec(compile(open("/work/main/app.py").read(), "/work/main/app.py", "exec"))
pr.disable()
sys.stderr.write(f"TIMING script {time.perf_counter()-_t0:.2f}\n")
pstats.Stats(pr, stream=sys.stderr).sort_stats("cumtime").print_stats(30)
