/**
 * The countries and territories the simulated world knows: ISO 3166-1 alpha-2 code, English short
 * name and the continent the simulation files it under (the Middle East counts as Asia, Russia as
 * Europe, Central America and the Caribbean as North America).
 */

/** The continents the simulation groups places by (the Middle East counts as Asia). */
export type Continent =
  'africa' | 'asia' | 'europe' | 'north-america' | 'oceania' | 'south-america';

/** A country or territory of the catalogue. */
export interface Country {
  /** ISO 3166-1 alpha-2, upper case (`'DE'`). */
  readonly code: string;
  /** English short name (`'Germany'`). */
  readonly name: string;
  readonly continent: Continent;
}

const EU: Continent = 'europe';
const NA: Continent = 'north-america';
const SA: Continent = 'south-america';
const AS: Continent = 'asia';
const AF: Continent = 'africa';
const OC: Continent = 'oceania';

const COUNTRY_ROWS: readonly (readonly [code: string, name: string, continent: Continent])[] = [
  ['AE', 'United Arab Emirates', AS],
  ['AF', 'Afghanistan', AS],
  ['AL', 'Albania', EU],
  ['AM', 'Armenia', AS],
  ['AO', 'Angola', AF],
  ['AR', 'Argentina', SA],
  ['AT', 'Austria', EU],
  ['AU', 'Australia', OC],
  ['AZ', 'Azerbaijan', AS],
  ['BA', 'Bosnia and Herzegovina', EU],
  ['BB', 'Barbados', NA],
  ['BD', 'Bangladesh', AS],
  ['BE', 'Belgium', EU],
  ['BF', 'Burkina Faso', AF],
  ['BG', 'Bulgaria', EU],
  ['BH', 'Bahrain', AS],
  ['BJ', 'Benin', AF],
  ['BN', 'Brunei', AS],
  ['BO', 'Bolivia', SA],
  ['BR', 'Brazil', SA],
  ['BS', 'Bahamas', NA],
  ['BW', 'Botswana', AF],
  ['BY', 'Belarus', EU],
  ['CA', 'Canada', NA],
  ['CD', 'DR Congo', AF],
  ['CH', 'Switzerland', EU],
  ['CI', "Côte d'Ivoire", AF],
  ['CL', 'Chile', SA],
  ['CM', 'Cameroon', AF],
  ['CN', 'China', AS],
  ['CO', 'Colombia', SA],
  ['CR', 'Costa Rica', NA],
  ['CU', 'Cuba', NA],
  ['CY', 'Cyprus', EU],
  ['CZ', 'Czechia', EU],
  ['DE', 'Germany', EU],
  ['DJ', 'Djibouti', AF],
  ['DK', 'Denmark', EU],
  ['DO', 'Dominican Republic', NA],
  ['DZ', 'Algeria', AF],
  ['EC', 'Ecuador', SA],
  ['EE', 'Estonia', EU],
  ['EG', 'Egypt', AF],
  ['ES', 'Spain', EU],
  ['ET', 'Ethiopia', AF],
  ['FI', 'Finland', EU],
  ['FJ', 'Fiji', OC],
  ['FR', 'France', EU],
  ['GB', 'United Kingdom', EU],
  ['GE', 'Georgia', AS],
  ['GH', 'Ghana', AF],
  ['GL', 'Greenland', NA],
  ['GN', 'Guinea', AF],
  ['GR', 'Greece', EU],
  ['GT', 'Guatemala', NA],
  ['GU', 'Guam', OC],
  ['GY', 'Guyana', SA],
  ['HK', 'Hong Kong', AS],
  ['HN', 'Honduras', NA],
  ['HR', 'Croatia', EU],
  ['HT', 'Haiti', NA],
  ['HU', 'Hungary', EU],
  ['ID', 'Indonesia', AS],
  ['IE', 'Ireland', EU],
  ['IL', 'Israel', AS],
  ['IN', 'India', AS],
  ['IQ', 'Iraq', AS],
  ['IR', 'Iran', AS],
  ['IS', 'Iceland', EU],
  ['IT', 'Italy', EU],
  ['JM', 'Jamaica', NA],
  ['JO', 'Jordan', AS],
  ['JP', 'Japan', AS],
  ['KE', 'Kenya', AF],
  ['KG', 'Kyrgyzstan', AS],
  ['KH', 'Cambodia', AS],
  ['KP', 'North Korea', AS],
  ['KR', 'South Korea', AS],
  ['KW', 'Kuwait', AS],
  ['KZ', 'Kazakhstan', AS],
  ['LA', 'Laos', AS],
  ['LB', 'Lebanon', AS],
  ['LK', 'Sri Lanka', AS],
  ['LR', 'Liberia', AF],
  ['LT', 'Lithuania', EU],
  ['LU', 'Luxembourg', EU],
  ['LV', 'Latvia', EU],
  ['LY', 'Libya', AF],
  ['MA', 'Morocco', AF],
  ['MD', 'Moldova', EU],
  ['ME', 'Montenegro', EU],
  ['MG', 'Madagascar', AF],
  ['MK', 'North Macedonia', EU],
  ['ML', 'Mali', AF],
  ['MM', 'Myanmar', AS],
  ['MN', 'Mongolia', AS],
  ['MO', 'Macau', AS],
  ['MT', 'Malta', EU],
  ['MU', 'Mauritius', AF],
  ['MV', 'Maldives', AS],
  ['MX', 'Mexico', NA],
  ['MY', 'Malaysia', AS],
  ['MZ', 'Mozambique', AF],
  ['NA', 'Namibia', AF],
  ['NC', 'New Caledonia', OC],
  ['NG', 'Nigeria', AF],
  ['NI', 'Nicaragua', NA],
  ['NL', 'Netherlands', EU],
  ['NO', 'Norway', EU],
  ['NP', 'Nepal', AS],
  ['NZ', 'New Zealand', OC],
  ['OM', 'Oman', AS],
  ['PA', 'Panama', NA],
  ['PE', 'Peru', SA],
  ['PF', 'French Polynesia', OC],
  ['PG', 'Papua New Guinea', OC],
  ['PH', 'Philippines', AS],
  ['PK', 'Pakistan', AS],
  ['PL', 'Poland', EU],
  ['PR', 'Puerto Rico', NA],
  ['PT', 'Portugal', EU],
  ['PY', 'Paraguay', SA],
  ['QA', 'Qatar', AS],
  ['RO', 'Romania', EU],
  ['RS', 'Serbia', EU],
  ['RU', 'Russia', EU],
  ['RW', 'Rwanda', AF],
  ['SA', 'Saudi Arabia', AS],
  ['SD', 'Sudan', AF],
  ['SE', 'Sweden', EU],
  ['SG', 'Singapore', AS],
  ['SI', 'Slovenia', EU],
  ['SK', 'Slovakia', EU],
  ['SN', 'Senegal', AF],
  ['SO', 'Somalia', AF],
  ['SR', 'Suriname', SA],
  ['SV', 'El Salvador', NA],
  ['SY', 'Syria', AS],
  ['TG', 'Togo', AF],
  ['TH', 'Thailand', AS],
  ['TJ', 'Tajikistan', AS],
  ['TM', 'Turkmenistan', AS],
  ['TN', 'Tunisia', AF],
  ['TR', 'Turkey', AS],
  ['TT', 'Trinidad and Tobago', NA],
  ['TW', 'Taiwan', AS],
  ['TZ', 'Tanzania', AF],
  ['UA', 'Ukraine', EU],
  ['UG', 'Uganda', AF],
  ['US', 'United States', NA],
  ['UY', 'Uruguay', SA],
  ['UZ', 'Uzbekistan', AS],
  ['VE', 'Venezuela', SA],
  ['VN', 'Vietnam', AS],
  ['WS', 'Samoa', OC],
  ['XK', 'Kosovo', EU],
  ['YE', 'Yemen', AS],
  ['ZA', 'South Africa', AF],
  ['ZM', 'Zambia', AF],
  ['ZW', 'Zimbabwe', AF],
];

const COUNTRIES: ReadonlyMap<string, Country> = new Map(
  COUNTRY_ROWS.map(([code, name, continent]) => [code, Object.freeze({ code, name, continent })]),
);

/** The country with the given ISO alpha-2 code (any case), or `undefined`. */
export function getCountry(code: string): Country | undefined {
  return COUNTRIES.get(code.toUpperCase());
}

/** Every country of the catalogue, in code order. */
export function listCountries(): readonly Country[] {
  return [...COUNTRIES.values()];
}
