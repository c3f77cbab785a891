import { Container, injectable } from 'inversify';

@injectable()
class A {
  value = 1;
}

test('inversify real library resolves', () => {
  const c = new Container();
  c.bind(A).toSelf();
  expect(c.get(A).value).toBe(1);
});
