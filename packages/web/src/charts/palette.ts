/** Chart colours: distinguishable for the common colour-vision deficiencies (Okabe–Ito palette). */
export const palette = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#8a8f98',
  clean: '#cfe8dc',
  drifted: '#D55E00',
  missing: '#eeeeee',
};

export const series = [
  palette.blue,
  palette.orange,
  palette.green,
  palette.purple,
  palette.sky,
  palette.vermillion,
];
