# pontos' release helper (session 38, fresh97): its timeout constant is read by nothing. Other modules write the same
# name as their own constants, and one imports it, but from `tools.api.helper`: no module reads this one.
DEFAULT_TIMEOUT = 1000
DEFAULT_CHUNK_SIZE = 4096


def chunked(data):
    return [data[i : i + DEFAULT_CHUNK_SIZE] for i in range(0, len(data), DEFAULT_CHUNK_SIZE)]
