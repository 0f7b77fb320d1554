;; The module row-sums-kernel.ts assembles byte for byte: rows added into f64 sums with WebAssembly SIMD, each
;; sum taking its rows one after the other, so that the sums are those of a plain loop bit for bit. Byte
;; offsets into the imported memory:
;;   $sums    the f64 sums, 16-byte aligned        $rows   the first row
;;   $n       rows (add1…) or groups of four rows (add4…), ≥ 1
;;   $stride  bytes from a row to the next          $width  bytes of each row to add, ≥ one step
;; add1 and add4 add f32 rows widened to f64, four values (16 bytes) per step; add1f64 and add4f64 add f64
;; rows, four values (32 bytes) per step. add4… load each pair of sums once for four rows:
;; s ← (((s + r0) + r1) + r2) + r3, the order of add1….
(module
  (import "env" "memory" (memory 1))

  (func (export "add1")
      (param $sums i32) (param $rows i32) (param $n i32) (param $stride i32) (param $width i32)
      (local $s i32) (local $q i32) (local $end i32) (local $stride2 i32) (local $stride3 i32)
      (local $lo v128) (local $hi v128) (local $v v128)
    (local.set $stride2 (i32.shl (local.get $stride) (i32.const 1)))
    (local.set $stride3 (i32.add (local.get $stride2) (local.get $stride)))
    (loop $row
      (local.set $s (local.get $sums))
      (local.set $end (i32.add (local.tee $q (local.get $rows)) (local.get $width)))
      (loop $column
        (local.set $lo (v128.load align=16 (local.get $s)))
        (local.set $hi (v128.load offset=16 align=16 (local.get $s)))
        ;; the row at $q: four f32, the low two and the high two widened to f64 and added
        (local.set $v (v128.load align=4 (local.get $q)))
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $v))))
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v)))))
        (v128.store align=16 (local.get $s) (local.get $lo))
        (v128.store offset=16 align=16 (local.get $s) (local.get $hi))
        (local.set $s (i32.add (local.get $s) (i32.const 32)))
        (br_if $column (i32.lt_u (local.tee $q (i32.add (local.get $q) (i32.const 16))) (local.get $end))))
      (local.set $rows (i32.add (local.get $rows) (local.get $stride)))
      (br_if $row (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))

  (func (export "add4")
      (param $sums i32) (param $rows i32) (param $n i32) (param $stride i32) (param $width i32)
      (local $s i32) (local $q i32) (local $end i32) (local $stride2 i32) (local $stride3 i32)
      (local $lo v128) (local $hi v128) (local $v v128)
    (local.set $stride2 (i32.shl (local.get $stride) (i32.const 1)))
    (local.set $stride3 (i32.add (local.get $stride2) (local.get $stride)))
    (loop $row
      (local.set $s (local.get $sums))
      (local.set $end (i32.add (local.tee $q (local.get $rows)) (local.get $width)))
      (loop $column
        (local.set $lo (v128.load align=16 (local.get $s)))
        (local.set $hi (v128.load offset=16 align=16 (local.get $s)))
        ;; the rows at $q, $q + $stride, $q + $stride2 and $q + $stride3, in that order, as in add1
        (local.set $v (v128.load align=4 (local.get $q)))
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $v))))
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v)))))
        (local.set $v (v128.load align=4 (i32.add (local.get $q) (local.get $stride))))
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $v))))
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v)))))
        (local.set $v (v128.load align=4 (i32.add (local.get $q) (local.get $stride2))))
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $v))))
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v)))))
        (local.set $v (v128.load align=4 (i32.add (local.get $q) (local.get $stride3))))
        (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $v))))
        (local.set $hi (f64x2.add (local.get $hi) (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v)))))
        (v128.store align=16 (local.get $s) (local.get $lo))
        (v128.store offset=16 align=16 (local.get $s) (local.get $hi))
        (local.set $s (i32.add (local.get $s) (i32.const 32)))
        (br_if $column (i32.lt_u (local.tee $q (i32.add (local.get $q) (i32.const 16))) (local.get $end))))
      (local.set $rows (i32.add (local.get $rows) (i32.shl (local.get $stride) (i32.const 2))))
      (br_if $row (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))

  (func (export "add1f64")
      (param $sums i32) (param $rows i32) (param $n i32) (param $stride i32) (param $width i32)
      (local $s i32) (local $q i32) (local $end i32) (local $stride2 i32) (local $stride3 i32)
      (local $lo v128) (local $hi v128) (local $v v128)
    (local.set $stride2 (i32.shl (local.get $stride) (i32.const 1)))
    (local.set $stride3 (i32.add (local.get $stride2) (local.get $stride)))
    (loop $row
      (local.set $s (local.get $sums))
      (local.set $end (i32.add (local.tee $q (local.get $rows)) (local.get $width)))
      (loop $column
        (local.set $lo (v128.load align=16 (local.get $s)))
        (local.set $hi (v128.load offset=16 align=16 (local.get $s)))
        (local.set $lo (f64x2.add (local.get $lo) (v128.load align=8 (local.get $q))))
        (local.set $hi (f64x2.add (local.get $hi) (v128.load offset=16 align=8 (local.get $q))))
        (v128.store align=16 (local.get $s) (local.get $lo))
        (v128.store offset=16 align=16 (local.get $s) (local.get $hi))
        (local.set $s (i32.add (local.get $s) (i32.const 32)))
        (br_if $column (i32.lt_u (local.tee $q (i32.add (local.get $q) (i32.const 32))) (local.get $end))))
      (local.set $rows (i32.add (local.get $rows) (local.get $stride)))
      (br_if $row (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))

  (func (export "add4f64")
      (param $sums i32) (param $rows i32) (param $n i32) (param $stride i32) (param $width i32)
      (local $s i32) (local $q i32) (local $end i32) (local $stride2 i32) (local $stride3 i32)
      (local $lo v128) (local $hi v128) (local $v v128)
    (local.set $stride2 (i32.shl (local.get $stride) (i32.const 1)))
    (local.set $stride3 (i32.add (local.get $stride2) (local.get $stride)))
    (loop $row
      (local.set $s (local.get $sums))
      (local.set $end (i32.add (local.tee $q (local.get $rows)) (local.get $width)))
      (loop $column
        (local.set $lo (v128.load align=16 (local.get $s)))
        (local.set $hi (v128.load offset=16 align=16 (local.get $s)))
        (local.set $lo (f64x2.add (local.get $lo) (v128.load align=8 (local.get $q))))
        (local.set $hi (f64x2.add (local.get $hi) (v128.load offset=16 align=8 (local.get $q))))
        (local.set $lo (f64x2.add (local.get $lo) (v128.load align=8 (i32.add (local.get $q) (local.get $stride)))))
        (local.set $hi
          (f64x2.add (local.get $hi) (v128.load offset=16 align=8 (i32.add (local.get $q) (local.get $stride)))))
        (local.set $lo (f64x2.add (local.get $lo) (v128.load align=8 (i32.add (local.get $q) (local.get $stride2)))))
        (local.set $hi
          (f64x2.add (local.get $hi) (v128.load offset=16 align=8 (i32.add (local.get $q) (local.get $stride2)))))
        (local.set $lo (f64x2.add (local.get $lo) (v128.load align=8 (i32.add (local.get $q) (local.get $stride3)))))
        (local.set $hi
          (f64x2.add (local.get $hi) (v128.load offset=16 align=8 (i32.add (local.get $q) (local.get $stride3)))))
        (v128.store align=16 (local.get $s) (local.get $lo))
        (v128.store offset=16 align=16 (local.get $s) (local.get $hi))
        (local.set $s (i32.add (local.get $s) (i32.const 32)))
        (br_if $column (i32.lt_u (local.tee $q (i32.add (local.get $q) (i32.const 32))) (local.get $end))))
      (local.set $rows (i32.add (local.get $rows) (i32.shl (local.get $stride) (i32.const 2))))
      (br_if $row (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
)
