/** Size of the build-time PNG fallbacks (CSS pixels; rendered at 2x). */
export const PNG_WIDTH = 880;
export const PNG_HEIGHT = 540;
