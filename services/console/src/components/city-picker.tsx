// The regional supervisor's choice of city (or the whole region); a city's supervisor has no choice to make.
import { REGION_CODE } from '../../../auth/principal.ts';
import { guangxiCities } from '../../../seed/institutions.ts';

export function CityPicker(p: { id: string; value: string; onChange: (city: string) => void; region?: boolean }) {
  return (
    <div class="field">
      <label for={p.id}>城市</label>
      <select id={p.id} value={p.value} onChange={(e) => p.onChange(e.currentTarget.value)}>
        {p.region !== false && <option value={REGION_CODE}>全区（14个设区市）</option>}
        {guangxiCities.map((c) => (
          <option value={c.code}>{c.name}市</option>
        ))}
      </select>
    </div>
  );
}
