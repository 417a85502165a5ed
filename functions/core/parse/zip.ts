/**
 * The state of a US ZIP code, from its first three digits (the USPS sectional center prefix).
 *
 * Public USPS data. Prefixes with no state are left out on purpose: military mail (090–098 AE,
 * 340 AA, 962–966 AP), the Pacific territories (969), and prefixes not in use. A few single
 * prefixes sit inside another state's range (055 MA in Vermont's, 733 TX in Oklahoma's,
 * 885 TX after New Mexico's): they are listed first and win.
 */

// [first prefix, last prefix, state], inclusive.
const RANGES: ReadonlyArray<readonly [number, number, string]> = [
  [5, 5, 'NY'],
  [55, 55, 'MA'],
  [201, 201, 'VA'],
  [569, 569, 'DC'],
  [733, 733, 'TX'],
  [885, 885, 'TX'],
  [6, 7, 'PR'],
  [9, 9, 'PR'],
  [10, 27, 'MA'],
  [28, 29, 'RI'],
  [30, 38, 'NH'],
  [39, 49, 'ME'],
  [50, 59, 'VT'],
  [60, 69, 'CT'],
  [70, 89, 'NJ'],
  [100, 149, 'NY'],
  [150, 196, 'PA'],
  [197, 199, 'DE'],
  [200, 205, 'DC'],
  [206, 219, 'MD'],
  [220, 246, 'VA'],
  [247, 268, 'WV'],
  [270, 289, 'NC'],
  [290, 299, 'SC'],
  [300, 319, 'GA'],
  [320, 339, 'FL'],
  [341, 349, 'FL'],
  [350, 369, 'AL'],
  [370, 385, 'TN'],
  [386, 397, 'MS'],
  [398, 399, 'GA'],
  [400, 427, 'KY'],
  [430, 459, 'OH'],
  [460, 479, 'IN'],
  [480, 499, 'MI'],
  [500, 528, 'IA'],
  [530, 549, 'WI'],
  [550, 567, 'MN'],
  [570, 577, 'SD'],
  [580, 588, 'ND'],
  [590, 599, 'MT'],
  [600, 629, 'IL'],
  [630, 658, 'MO'],
  [660, 679, 'KS'],
  [680, 693, 'NE'],
  [700, 714, 'LA'],
  [716, 729, 'AR'],
  [730, 749, 'OK'],
  [750, 799, 'TX'],
  [800, 816, 'CO'],
  [820, 831, 'WY'],
  [832, 838, 'ID'],
  [840, 847, 'UT'],
  [850, 865, 'AZ'],
  [870, 884, 'NM'],
  [889, 898, 'NV'],
  [900, 961, 'CA'],
  [967, 968, 'HI'],
  [970, 979, 'OR'],
  [980, 994, 'WA'],
  [995, 999, 'AK'],
];

/**
 * The USPS state code for a 5-digit ZIP code, or undefined for military, territorial or unused
 * prefixes.
 *
 * @example stateOfZip('92101') // => 'CA'
 */
export function stateOfZip(zip: string): string | undefined {
  if (!/^\d{5}$/.test(zip)) return undefined;
  const prefix = Number(zip.slice(0, 3));
  return RANGES.find(([first, last]) => prefix >= first && prefix <= last)?.[2];
}
