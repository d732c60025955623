# bash completion for retort. Load it with:  source <(retort completion bash)
# or install it:  retort completion bash > ~/.local/share/bash-completion/completions/retort
_retort() {
  local line="${COMP_LINE:0:$COMP_POINT}" words=() candidates=() IFS=$' \t\n'
  read -ra words <<<"$line"
  [[ "$line" == *[[:space:]] ]] && words+=("")
  local cur="${words[${#words[@]}-1]}" prefix="" c
  # bash splits the word at the characters of COMP_WORDBREAKS; strip what it will not replace
  for c in : = @; do
    [[ "$COMP_WORDBREAKS" == *"$c"* && "$cur" == *"$c"* ]] && prefix="${cur%"${cur##*["$c"]}"}"
  done
  IFS=$'\n' read -d '' -ra candidates < <("${words[0]}" __complete -- "${words[@]:1}" 2>/dev/null)
  if [[ "${candidates[0]}" == ":files" ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
    return
  fi
  COMPREPLY=()
  for c in "${candidates[@]}"; do
    [[ "$c" == "$cur"* ]] && COMPREPLY+=("${c#"$prefix"}")
  done
}
complete -o default -F _retort retort
