CREATE TABLE public.event (id bigint NOT NULL, at date NOT NULL, kind text, source text) PARTITION BY RANGE (at);
CREATE TABLE public.event_2024 PARTITION OF public.event FOR VALUES FROM ('2023-07-01') TO ('2025-01-01');
CREATE TABLE public.event_2025 PARTITION OF public.event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX event_at ON public.event (at);
CREATE INDEX event_kind ON public.event (kind);
