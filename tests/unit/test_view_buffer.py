from marketplace.analytics.buffer import MemoryBuffer


def test_memory_buffer_counts_views_per_product_and_keeps_signed_in_views():
    buffer = MemoryBuffer()
    buffer.add(7, None)
    buffer.add(7, 3)
    buffer.add(9, None)

    views, user_views = buffer.drain()

    assert views == {7: 2, 9: 1}
    assert user_views == [(3, 7)]


def test_draining_the_buffer_empties_it():
    buffer = MemoryBuffer()
    buffer.add(1, None)
    buffer.drain()

    assert buffer.drain() == ({}, [])
