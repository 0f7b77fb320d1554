/** Powers of ten that doubles hold exactly (10^22 is the last). */
const POW10 = Array.from({length: 23}, (_, k) => 10 ** k);

/**
 * The shortest decimal text that reads back (parsed as a double, then rounded to float32) as the same float32:
 * "0.1" for the float nearest 0.1, where `String` would print the double 0.10000000149011612. Every finite
 * float32 needs at most 9 significant digits, and a digit count that round-trips keeps doing so with more
 * (a p-digit decimal is also a (p+1)-digit one, so rounding to more digits lands no farther away): the
 * search over 1–9 is a bisection. Printed as JavaScript prints numbers; −0 keeps its sign. NaN and
 * ±Infinity are the caller's to handle.
 */
export function float32Text(value: number): string {
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  // The magnitude's text, signed: Math.round would round negative ties the other way.
  if (value < 0) return `-${float32Text(-value)}`;
  // Off by one near powers of ten, log10 only shifts the digits tried: every candidate is checked.
  const exponent = Math.floor(Math.log10(value));
  // Places from −exponent to 8 − exponent must scale by exact powers of ten (up to 10^22).
  if (exponent < -14 || exponent > 22) return byPrecision(value);
  let lo = 1;
  let hi = 9;
  while (lo < hi) {
    const digits = (lo + hi) >> 1;
    if (roundTrips(value, digits - 1 - exponent)) hi = digits;
    else lo = digits + 1;
  }
  const places = lo - 1 - exponent;
  return roundTrips(value, places) ? decimalText(scaled(value, places), places) : byPrecision(value);
}

// Whether `value` rounded to `places` decimal places (negative: to tens, hundreds…) reads back as itself.
// The decimal m / 10^places, with m an integer and 10^places exact, is what IEEE division (or multiplication)
// rounds correctly to the nearest double: the very double a parser makes of its text.
function roundTrips(value: number, places: number): boolean {
  const m = scaled(value, places);
  const decimal = places >= 0 ? m / POW10[places]! : m * POW10[-places]!;
  return Math.fround(decimal) === value;
}

function scaled(value: number, places: number): number {
  return places >= 0 ? Math.round(value * POW10[places]!) : Math.round(value / POW10[-places]!);
}

// m × 10^−places (m a positive integer) as Number#toString writes it: positional from 1e-7 to 1e21.
function decimalText(m: number, places: number): string {
  let digits = String(m);
  let end = digits.length;
  while (digits[end - 1] === "0") --end;
  places -= digits.length - end;
  digits = digits.slice(0, end);
  const exponent = digits.length - 1 - places;
  if (exponent <= -7 || exponent >= 21) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${mantissa}e${exponent > 0 ? "+" : "-"}${Math.abs(exponent)}`;
  }
  if (places <= 0) return digits + "0".repeat(-places);
  if (digits.length > places) return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return `0.${"0".repeat(places - digits.length)}${digits}`;
}

// The same search through toPrecision (exact, and several times slower): for magnitudes below 1e-14 or from
// 1e23, which exact powers of ten cannot scale.
function byPrecision(value: number): string {
  let lo = 1;
  let hi = 9;
  while (lo < hi) {
    const digits = (lo + hi) >> 1;
    if (Math.fround(Number(value.toPrecision(digits))) === value) hi = digits;
    else lo = digits + 1;
  }
  // Through Number and back: toPrecision's "1.50e+7" becomes the plain "15000000".
  return String(Number(value.toPrecision(lo)));
}
