-- No two active bookings of one venue overlap, enforced by the database so that it holds under
-- concurrency: of two transactions booking overlapping slots at once, the second waits for the
-- first and then fails with 23P01 (mapped to 409 booking_conflict). Pending bookings hold their
-- slot too, so approval never has to choose between two requests for the same time.
-- Half-open ranges: a booking ending at 10:00 and one starting at 10:00 do not overlap.
ALTER TABLE "venue_booking"
  ADD CONSTRAINT "venue_booking_no_overlap"
  EXCLUDE USING gist ("venue_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('pending', 'confirmed'));
