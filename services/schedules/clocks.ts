// Scheduled daily: the children's clocks open what is due (school placement in the June before school age, guidance
// at 16, the coming-of-age assessment six months before 18) and discharge young people whose placement is done.
import { sweepClocks } from '../cases/clocks.ts';

export const handler = async () => {
  const { opened, covered, comingOfAge, discharged } = await sweepClocks();
  return { opened: opened.length, covered, comingOfAge, discharged };
};
