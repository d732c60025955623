-- Active apartments with district name, cover photo (lowest position), average rating and review count.
CREATE VIEW apartments.active_listings AS
SELECT a.id,
       a.owner_id,
       a.district_id,
       d.name              AS district_name,
       a.title,
       a.description,
       a.address,
       a.rooms,
       a.area_m2,
       a.max_guests,
       a.floor,
       a.distance_to_sea_m,
       a.price_per_night,
       a.amenities,
       a.search_vector,
       cover.file_id       AS cover_file_id,
       rv.avg_rating,
       rv.review_count,
       a.created_at,
       a.updated_at
  FROM apartments.apartments AS a
  JOIN apartments.districts AS d ON d.id = a.district_id
  LEFT JOIN LATERAL (
        SELECT p.file_id
          FROM apartments.photos AS p
         WHERE p.apartment_id = a.id
         ORDER BY p.position
         LIMIT 1
       ) AS cover ON true
  CROSS JOIN LATERAL (
        SELECT round(avg(r.rating), 2) AS avg_rating,
               count(r.id)              AS review_count
          FROM apartments.bookings AS b
          JOIN apartments.reviews AS r ON r.booking_id = b.id
         WHERE b.apartment_id = a.id
       ) AS rv
 WHERE a.status = 'active';

COMMENT ON VIEW apartments.active_listings IS
    'EasySochi: active apartments with district name, cover photo (lowest position), average rating and review count';

-- Per owner (role owner, or having a listing): listings, bookings (any status), and revenue, the sum
-- of completed bookings' total_price.
CREATE VIEW apartments.owner_stats AS
SELECT u.id                                              AS owner_id,
       u.telegram_id,
       u.username,
       (SELECT count(*)
          FROM apartments.apartments AS a
         WHERE a.owner_id = u.id)                        AS listings_count,
       (SELECT count(*)
          FROM apartments.bookings AS b
          JOIN apartments.apartments AS a ON a.id = b.apartment_id
         WHERE a.owner_id = u.id)                        AS bookings_count,
       (SELECT coalesce(sum(b.total_price), 0)
          FROM apartments.bookings AS b
          JOIN apartments.apartments AS a ON a.id = b.apartment_id
         WHERE a.owner_id = u.id
           AND b.status = 'completed')                   AS revenue
  FROM public.users AS u
 WHERE u.role = 'owner'
    OR EXISTS (SELECT 1 FROM apartments.apartments AS a WHERE a.owner_id = u.id);

COMMENT ON VIEW apartments.owner_stats IS
    'EasySochi: per owner: listings, bookings (any status), revenue = sum of completed bookings'' total_price';
