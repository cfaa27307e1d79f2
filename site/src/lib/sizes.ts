/** Size of the build-time PNG fallbacks (CSS pixels; rendered at 2x): wide for a figure of one
 * panel, squarer for side-by-side panels (the same aspect ratio as their boxes on the page). */
export const PNG_WIDTH = 880;
export const PNG_HEIGHT = 540;
export const PNG_PAIR_WIDTH = 600;
export const PNG_PAIR_HEIGHT = 516;
