import { Layout } from "./layout.tsx";

/** The sign-in form; a wrong token gets it again with one message and nothing else. */
export function LoginView(props: { error?: string }) {
  return (
    <Layout title="Sign in">
      <div class="login">
        <h1>Mimic admin</h1>
        {props.error && <p class="notice error">{props.error}</p>}
        <form method="post" action="/admin/login">
          <label for="token">Admin token</label>
          <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
          <button type="submit">Sign in</button>
        </form>
      </div>
    </Layout>
  );
}
